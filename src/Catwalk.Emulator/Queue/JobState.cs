namespace Catwalk.Emulator.Queue;

internal enum JobState
{
    InQueue,
    InProgress,
    Completed,
}
