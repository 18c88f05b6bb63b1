using Catwalk.Store;

namespace Catwalk.Workers;

/// <summary>What this worker process has done since it started: jobs it ran to an end, by how they ended.</summary>
public sealed class WorkerStats
{
    private int _ended, _downloaded, _failed;

    public int Ended => Volatile.Read(ref _ended);
    public int Downloaded => Volatile.Read(ref _downloaded);
    public int Failed => Volatile.Read(ref _failed);

    internal void Record(JobState state)
    {
        if (!JobStateMachine.IsTerminal(state)) return;
        Interlocked.Increment(ref _ended);
        if (state == JobState.Downloaded) Interlocked.Increment(ref _downloaded);
        else Interlocked.Increment(ref _failed);
    }
}
