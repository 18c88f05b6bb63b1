namespace Catwalk.Pipelines.Journal;

/// <summary>
/// One job's handle in the journal. The pipeline reports each step as it happens; each call returns only once the
/// step is recorded — above all <see cref="SubmittingAsync"/> before the request is sent and
/// <see cref="SubmittedAsync"/> (the request id) before anything waits on it.
/// </summary>
public interface IJobTicket : IAsyncDisposable
{
    JobResumePoint Resume { get; }

    /// <summary>Waits for a slot to run in (overall and per-endpoint limits) and checks the budget; throws <see cref="BudgetExceededException"/>.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
    ValueTask SubmittingAsync(JobSending sending, CancellationToken cancellationToken);
    ValueTask SubmittedAsync(string requestId, DateTimeOffset submittedAt, CancellationToken cancellationToken);
    ValueTask CompletedAsync(JobCompletion completion, CancellationToken cancellationToken);
    ValueTask DownloadedAsync(JobDownload download, CancellationToken cancellationToken);
    /// <summary>It ended without a result: failed, unknown (maybe billed), or interrupted (cancelled).</summary>
    ValueTask EndedAsync(JobOutcomeStatus status, string error, CancellationToken cancellationToken);
}
