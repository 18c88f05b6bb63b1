namespace Catwalk.Fal;

public enum FalQueueState
{
    InQueue,
    InProgress,
    Completed,
}
