namespace Catwalk.Workers;

/// <summary>
/// Whether this worker process is stopping. A job's own token is also cancelled when Hangfire aborts that one job
/// (deleted, or taken by another server), so the token alone cannot say "hand it back": this can.
/// </summary>
public sealed class WorkerShutdown
{
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    public void Begin() => _stopping = true;
}
