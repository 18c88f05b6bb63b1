using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Pipelines.Journal;
using Catwalk.Runs.Execution;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>
/// The pipelines' journal backed by the run store: each job of the run's plan is opened by stage, model and input,
/// and what the store knows decides what the pipeline does — collect by request id, reuse a saved or cached result,
/// leave a job that may already be at fal alone, or send it.
/// </summary>
public sealed class StoreJobJournal : IJobJournal
{
    private readonly Dictionary<(StageKind Stage, string Model, string Input), JobRecord> _jobs;

    /// <param name="interrupted">The run's own token: a job cancelled while it is set was interrupted by the user, any other was cancelled by fal.</param>
    public StoreJobJournal(IRunJobStore store, IReadOnlyList<JobRecord> jobs, IJobGate gate, IRunObserver observer, TimeProvider time, CancellationToken interrupted = default)
    {
        (Store, Gate, Observer, Time, Interrupted) = (store, gate, observer, time, interrupted);
        _jobs = jobs.ToDictionary(j => (j.Stage, j.ModelKey, j.InputKey));
    }

    internal IRunJobStore Store { get; }
    internal IJobGate Gate { get; }
    internal IRunObserver Observer { get; }
    internal TimeProvider Time { get; }
    internal CancellationToken Interrupted { get; }

    /// <summary>
    /// The jobs given were read just now by the one process that may change them (a worker that holds their slots): the
    /// first begin of each uses the record as given instead of reading it again.
    /// </summary>
    public bool JobsAreCurrent { get; init; }

    private readonly HashSet<string> _begun = [];

    public JobRecord? Find(StageKind stage, string modelKey, string inputKey) => _jobs.GetValueOrDefault((stage, modelKey, inputKey));

    public async ValueTask<IJobTicket> BeginAsync(JobStart start, CancellationToken cancellationToken)
    {
        var planned = Find(start.Stage, start.ModelKey, start.InputKey)
            ?? throw new InvalidOperationException($"{start.Stage.Name()} job {start.ModelKey} for '{start.InputKey}' is not in this run's plan.");
        bool first;
        lock (_begun) first = _begun.Add(planned.Id);
        var job = JobsAreCurrent && first ? planned : await Store.GetJobAsync(planned.Id, cancellationToken).ConfigureAwait(false) ?? planned;
        var (resume, cachedFrom) = await ResumePointAsync(job, start, cancellationToken).ConfigureAwait(false);
        return new StoreJobTicket(this, job, start, resume, cachedFrom);
    }

    private async Task<(JobResumePoint, string?)> ResumePointAsync(JobRecord job, JobStart start, CancellationToken cancellationToken)
    {
        switch (job.State)
        {
            case JobState.Downloaded:
                return (new JobResumePoint(JobResumeKind.Done) { RequestId = job.RequestId, MetadataJson = job.MetadataJson }, null);
            case JobState.Submitted or JobState.Completed:
                return (new JobResumePoint(JobResumeKind.Collect)
                {
                    RequestId = job.RequestId, ArgumentsJson = job.ArgumentsJson,
                    SubmittedAt = job.SubmittedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : Time.GetUtcNow(),
                }, null);
            case JobState.Submitting:
                // Recorded as being sent, but no request id came back before the process stopped: fal may have it.
                const string why = "the process stopped while this job was being sent, so fal may have received (and billed) it; it was not sent again. `catwalk resume --resubmit-unknown` sends it again.";
                await Store.MoveAsync(job.Id, JobState.Unknown, new JobUpdate { Error = why }, CancellationToken.None).ConfigureAwait(false);
                return (Skip(JobOutcomeStatus.Unknown, why), null);
            case JobState.Failed:
                return (Skip(JobOutcomeStatus.Failed, job.Error ?? "failed"), null);
            case JobState.Cancelled:
                return (Skip(JobOutcomeStatus.Cancelled, job.Error ?? "cancelled"), null);
            case JobState.Unknown:
                return (Skip(JobOutcomeStatus.Unknown, job.Error ?? "may have reached fal"), null);
        }
        if (start.UseCache && await Store.FindCachedAsync(start.CacheKey, cancellationToken).ConfigureAwait(false) is { MetadataJson: not null } hit && hit.Id != job.Id
            && await Store.GetRunAsync(hit.RunId, cancellationToken).ConfigureAwait(false) is { } source
            && hit.FilePath is { } file && File.Exists(Path.Combine(source.OutputRoot, file)))
            return (new JobResumePoint(JobResumeKind.Cached) { RequestId = hit.RequestId, MetadataJson = hit.MetadataJson, SourceRoot = source.OutputRoot }, hit.Id);
        return (JobResumePoint.Fresh, null);
    }

    private static JobResumePoint Skip(JobOutcomeStatus status, string error) => new(JobResumeKind.Skip) { Status = status, Error = error };
}
