using Catwalk.Pipelines;
using Catwalk.Pipelines.Journal;
using Catwalk.Runs.Execution;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>One job's steps written to the store, each committed before the pipeline goes on.</summary>
internal sealed class StoreJobTicket(StoreJobJournal journal, JobRecord job, JobStart start, JobResumePoint resume, string? cachedFromJobId) : IJobTicket
{
    private JobState _state = job.State;
    private IJobSlot? _slot;

    public JobResumePoint Resume { get; } = resume;

    public async ValueTask<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A job already at fal is paid for; only a new submission reserves budget.
            _slot = await journal.Gate.AcquireAsync(job, Resume.RequestId is null ? start.EstimatedCostUsd : 0, cancellationToken).ConfigureAwait(false);
            if (Resume.RequestId is not null) journal.Observer.Moved(job, JobPhase.Queued, Resume.RequestId);
            return _slot;
        }
        catch (BudgetExceededException e)
        {
            journal.Observer.Moved(job, JobPhase.Skipped, e.Message);
            throw;
        }
    }

    public async ValueTask SubmittingAsync(JobSending sending, CancellationToken cancellationToken) =>
        await MoveAsync(JobState.Submitting, new JobUpdate
        {
            ArgumentsJson = sending.ArgumentsJson, CacheKey = start.CacheKey, ClearError = true,
            SendStartedAt = sending.At.ToUnixTimeMilliseconds(), StartDeadlineSec = sending.StartDeadline?.TotalSeconds,
        }, JobPhase.Queued).ConfigureAwait(false);

    public async ValueTask SubmittedAsync(string requestId, DateTimeOffset submittedAt, CancellationToken cancellationToken) =>
        await MoveAsync(JobState.Submitted, new JobUpdate { RequestId = requestId, SubmittedAt = submittedAt.ToUnixTimeMilliseconds() }, JobPhase.Queued, requestId).ConfigureAwait(false);

    public async ValueTask CompletedAsync(JobCompletion completion, CancellationToken cancellationToken)
    {
        if (_state == JobState.Completed) return; // collected again after an interrupted download: already recorded
        await MoveAsync(JobState.Completed, new JobUpdate
        {
            RequestId = completion.RequestId, ResultJson = completion.RawResponse.GetRawText(), CompletedAt = Now(),
            QueueSec = Seconds(completion.QueueWait), InferenceSec = Seconds(completion.Inference),
        }, JobPhase.Running).ConfigureAwait(false);
    }

    public async ValueTask DownloadedAsync(JobDownload download, CancellationToken cancellationToken)
    {
        var cached = cachedFromJobId is not null;
        await MoveAsync(JobState.Downloaded, new JobUpdate
        {
            CompletedAt = Now(), FilePath = download.File.File.Path, FileSha256 = download.File.File.Sha256, FileBytes = download.File.File.SizeBytes,
            ContentType = download.File.File.ContentType, MetadataPath = download.MetadataPath, MetadataJson = download.MetadataJson,
            DownloadSec = download.DownloadSec, LatencySec = download.LatencySec, DurationSec = download.DurationSec, CostUsd = download.CostUsd,
            CachedFromJobId = cachedFromJobId, CacheKey = start.CacheKey, ClearError = true,
            Detail = cached ? $"reused the result of job {cachedFromJobId} (request {download.CachedFromRequestId}); nothing paid" : null,
        }, JobPhase.Done).ConfigureAwait(false);
        if (cached) await RefundAsync().ConfigureAwait(false);
    }

    public async ValueTask EndedAsync(JobOutcomeStatus status, string error, CancellationToken cancellationToken)
    {
        switch (status, _state)
        {
            // Paid for and finished at fal; only saving it failed: left completed so a resume collects it again by id.
            case (_, JobState.Completed):
                journal.Observer.Moved(job, JobPhase.Failed, error);
                return;
            // Interrupted: a job at fal stays submitted (resume collects it), one never sent stays planned.
            case (JobOutcomeStatus.Cancelled, JobState.Submitted) when journal.Interrupted.IsCancellationRequested:
                return;
            // fal cancelled it before it ran (the interrupted attempt asked it to): never billed, so it is sent again.
            case (JobOutcomeStatus.Cancelled, JobState.Submitted):
                await RefundAsync().ConfigureAwait(false);
                await MoveAsync(JobState.Cancelled, new JobUpdate { Error = error }, JobPhase.Skipped).ConfigureAwait(false);
                return;
            case (JobOutcomeStatus.Cancelled, JobState.Planned):
                await RefundAsync().ConfigureAwait(false);
                return;
            case (JobOutcomeStatus.Cancelled, JobState.Submitting):
                await MoveAsync(JobState.Unknown, new JobUpdate { Error = "interrupted while being sent: fal may have received (and billed) it; not sent again. `catwalk resume --resubmit-unknown` sends it again." }, JobPhase.Skipped).ConfigureAwait(false);
                return;
            case (JobOutcomeStatus.Unknown, _):
                await MoveAsync(JobState.Unknown, new JobUpdate { Error = error }, JobPhase.Failed).ConfigureAwait(false);
                return;
            default:
                if (_state is JobState.Planned or JobState.Submitting) await RefundAsync().ConfigureAwait(false); // refused before fal took it: not billed
                await MoveAsync(JobState.Failed, new JobUpdate { Error = error }, JobPhase.Failed).ConfigureAwait(false);
                return;
        }
    }

    private async Task MoveAsync(JobState to, JobUpdate update, JobPhase phase, string? detail = null)
    {
        // Never cancelled: once fal has the job, the store must hear about it even if the user pressed Ctrl+C.
        if (!await journal.Store.MoveAsync(job.Id, to, update, CancellationToken.None).ConfigureAwait(false))
            throw new InvalidOperationException($"Job {job.Id} ({job.ModelKey}, {job.InputKey}) could not move from {_state} to {to}: another process changed it.");
        _state = to;
        journal.Observer.Moved(job, phase, detail ?? update.Error);
    }

    private ValueTask RefundAsync() => _slot?.RefundAsync() ?? ValueTask.CompletedTask;

    private long Now() => journal.Time.GetUtcNow().ToUnixTimeMilliseconds();
    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
