namespace Catwalk.Pipelines.Journal;

/// <summary>Records nothing and never limits: every job is fresh. The pipelines' default outside a run store.</summary>
public sealed class NullJobJournal : IJobJournal
{
    public static readonly NullJobJournal Instance = new();

    public ValueTask<IJobTicket> BeginAsync(JobStart start, CancellationToken cancellationToken) => ValueTask.FromResult<IJobTicket>(Ticket.Shared);

    private sealed class Ticket : IJobTicket, IAsyncDisposable
    {
        public static readonly Ticket Shared = new();
        public JobResumePoint Resume => JobResumePoint.Fresh;
        public ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable>(this);
        public ValueTask SubmittingAsync(JobSending sending, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask SubmittedAsync(string requestId, DateTimeOffset submittedAt, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask CompletedAsync(JobCompletion completion, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask DownloadedAsync(JobDownload download, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask EndedAsync(JobOutcomeStatus status, string error, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
