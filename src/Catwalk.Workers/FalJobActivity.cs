using Hangfire;

namespace Catwalk.Workers;

/// <summary>
/// The Hangfire job: one stored fal job of a run. Its arguments are only ids — everything else is in the store, so a
/// job retried or taken over by another worker reads where things stand and goes on from there.
/// </summary>
public sealed class FalJobActivity(StoredJobRunner runner)
{
    /// <remarks>
    /// Retries cover the worker's own troubles (database away, another worker still holding the job); fal's answers
    /// are recorded in the store and end the Hangfire job normally, so a failed generation is never paid again by a retry.
    /// </remarks>
    [RescheduleWhenBusy]
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 15, 30, 60, 120, 300])]
    [JobDisplayName("run {0} · job {1}")]
    public async Task RunAsync(string runId, string jobId, CancellationToken cancellationToken) =>
        await runner.RunAsync(runId, jobId, cancellationToken).ConfigureAwait(false);
}
