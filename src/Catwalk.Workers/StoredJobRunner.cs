using Catwalk.Domain;
using Catwalk.Runs;
using Catwalk.Runs.Engine;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reconciliation;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Telemetry;
using Microsoft.Extensions.Logging;

namespace Catwalk.Workers;

/// <summary>
/// Does one stored job of a run, as a worker: takes the job's slot in the store (so no other worker touches it and the
/// run's limits hold across workers), then runs the same journalled pipeline a single process would — a job fal
/// already has is collected by its request id, one that may be at fal is never sent again.
/// </summary>
public sealed class StoredJobRunner(
    IRunStore store, JobEngine engine, StoreProgressObserver progress, UnknownJobReconciler reconciler, WorkerIdentity worker, WorkerStats stats, WorkerShutdown shutdown,
    TimeProvider time, ILogger<StoredJobRunner> log)
{
    /// <summary>
    /// The jobs this worker has in hand (one runner serves all of a worker's threads: it is the worker's singleton). A
    /// slot keeps other workers off a job, but a worker's own threads share its name: without this, the thread collecting
    /// a dead worker's job and the thread Hangfire hands that job's queue entry to could both follow it, and the one that
    /// lost the race failed a job that had succeeded.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _inHand = new();

    /// <summary>Runs the job to an end state (or leaves it planned when the budget or its image holds it); returns its state.</summary>
    public async Task<JobState> RunAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        if (!_inHand.TryAdd(jobId, 0))
            throw new JobHeldElsewhereException(await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Job {jobId} is not in the store."),
                $"{worker.Name} (another of its threads)");
        try
        {
            return await RunHeldAsync(runId, jobId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inHand.TryRemove(jobId, out _);
        }
    }

    private async Task<JobState> RunHeldAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        // A worker's unit of work: its job's span (and the metrics after it) nest under this one, tagged with the run.
        // In the run's trace (its id is the run id), whichever worker does the job.
        using var span = CatwalkTelemetry.Source.StartActivity("worker_job", System.Diagnostics.ActivityKind.Internal, CatwalkTelemetry.RunContext(runId))
            ?.SetTag(CatwalkTags.RunId, runId).SetTag(CatwalkTags.JobId, jobId).SetTag("catwalk.worker", worker.Name);
        var state = await RunJobAsync(runId, jobId, cancellationToken).ConfigureAwait(false);
        span?.SetTag(CatwalkTags.JobState, state.ToString().ToLowerInvariant());
        return state;
    }

    /// <summary>
    /// The runs this worker has jobs of, with their parsed plans: what a job reads of its run (id, creation time, output
    /// folder, emulated or not, the plan) never changes once the run is stored — only its status does, which a job does
    /// not read — so a run's hundreds of jobs read and parse it once, not once each. A handful of runs at a time; when
    /// more, the list starts again.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (RunRecord Run, RunSpec Spec)> _runs = new(StringComparer.Ordinal);
    private const int RunsKept = 16;

    private async Task<(RunRecord Run, RunSpec Spec)?> RunOfAsync(string runId, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(runId, out var known)) return known;
        if (await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run) return null;
        if (_runs.Count >= RunsKept) _runs.Clear();
        return _runs[runId] = (run, RunService.SpecOf(run));
    }

    private async Task<JobState> RunJobAsync(string runId, string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        var known = job is null || job.RunId != runId ? null : await RunOfAsync(runId, cancellationToken).ConfigureAwait(false);
        if (known is not var (run, spec) || job is null)
        {
            log.LogWarning("Job {Job} of run {Run} is not in the store; nothing to do.", jobId, runId);
            return JobState.Failed;
        }
        if (JobStateMachine.IsTerminal(job.State)) return job.State;
        if (run.Emulated != worker.Emulated)
            throw new InvalidOperationException($"Run {run.Id} was made {(run.Emulated ? "for the emulator" : "for fal")}; this worker calls {(worker.Emulated ? "an emulator" : "fal")}, so it leaves the job alone.");

        var gate = new StoreJobGate(store, worker.Name, Math.Max(1, spec.PerEndpointConcurrency), spec.BudgetUsd, worker.SlotTimeToLive, time)
        {
            MaxWait = worker.EndpointWait,
        };
        // The job's slot first: from here on this worker alone works on the job, until it ends or this worker dies.
        await using (await ClaimAsync(gate, job, cancellationToken).ConfigureAwait(false))
        {
            job = await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) ?? job;
            if (job.State == JobState.Submitting) job = await TakeOverMidSendAsync(job, cancellationToken).ConfigureAwait(false);
            if (JobStateMachine.IsTerminal(job.State)) return job.State;
            var attempt = new EngineRun(run, spec, new StoreJobJournal(store, [job], gate, progress, time, cancellationToken) { JobsAreCurrent = true }, progress);
            var result = await engine.RunAsync(attempt, job, cancellationToken).ConfigureAwait(false);
            if (result.Problem is { } problem) log.LogInformation("Job {Job} ({Stage} {Model}) did not finish here: {Problem}", job.Id, job.Stage.Name(), job.ModelKey, problem);
        }
        var final = await store.GetJobAsync(jobId, CancellationToken.None).ConfigureAwait(false) ?? job;
        // The worker is stopping and the job did not end: thrown, so Hangfire puts it back on the queue at once (a normal
        // return would mark it done and strand it). The next worker collects a job already at fal by its request id.
        if (cancellationToken.IsCancellationRequested && shutdown.IsStopping && !JobStateMachine.IsTerminal(final.State))
            throw new OperationCanceledException($"Job {final.Id} handed back ({final.State.ToString().ToLowerInvariant()}): this worker is stopping.", cancellationToken);
        if (final is { State: JobState.Downloaded, Stage: StageKind.Video or StageKind.Image, CachedFromJobId: null } && spec.Metrics)
            await MeasureAsync(final, run.OutputRoot, spec, cancellationToken).ConfigureAwait(false);
        await FinishRunIfDoneAsync(run.Id).ConfigureAwait(false);
        stats.Record(final.State);
        return final.State;
    }

    /// <summary>
    /// The job's slot is this worker's, yet the job is being sent: the worker that sent it stopped before fal's answer
    /// was recorded. fal may have it, so it is unknown, and fal's request history decides — adopted and collected,
    /// planned again because fal can no longer start it, or left unknown with the reason.
    /// </summary>
    private async Task<JobRecord> TakeOverMidSendAsync(JobRecord job, CancellationToken cancellationToken)
    {
        await store.MoveAsync(job.Id, JobState.Unknown, new JobUpdate
            { Error = "the worker sending it stopped before fal's answer was recorded, so fal may have received (and billed) it; not sent again. `catwalk resume --resubmit-unknown` sends it again." }, CancellationToken.None).ConfigureAwait(false);
        var unknown = await store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? job;
        foreach (var decided in await reconciler.ReconcileAsync(store, [unknown], cancellationToken).ConfigureAwait(false))
            log.LogInformation("Job {Job} ({Model}) left mid-send by another worker: {Verdict} — {Reason}", job.Id, job.ModelKey, decided.Verdict, decided.Reason);
        return await store.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? unknown;
    }

    /// <summary>
    /// Takes the job's slot. When its endpoint stays full, it may be full of jobs a dead worker left at fal, whose own
    /// queue entries Hangfire hands out last (after every fresh one): this worker collects one of them now, by request
    /// id, then gives its own job back to the queue.
    /// </summary>
    private async Task<IJobSlot> ClaimAsync(StoreJobGate gate, JobRecord job, CancellationToken cancellationToken)
    {
        try
        {
            return await gate.ClaimAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (EndpointBusyException)
        {
            foreach (var orphan in await store.ListOrphanedSlotsAsync(job.EndpointId, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    log.LogInformation("Collecting job {Job} that {Owner} left at fal.", orphan.JobId, orphan.Owner);
                    await RunAsync(orphan.RunId, orphan.JobId, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is JobHeldElsewhereException or EndpointBusyException)
                {
                    // Another worker got to it first: try the next one.
                }
            }
            throw;
        }
    }

    private async Task MeasureAsync(JobRecord job, string outputRoot, RunSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            await MetricsRecorder.MeasureAsync(store, job, outputRoot, cancellationToken, spec).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Metrics for job {Job} failed: {Error}", job.Id, e.Message); // a saved video is never failed by its metrics
        }
    }

    /// <summary>The worker that ends a run's last job marks the run finished. Counted in the database: a job's end never reads the whole run.</summary>
    private async Task FinishRunIfDoneAsync(string runId)
    {
        if (await store.CountUnfinishedJobsAsync(runId, CancellationToken.None).ConfigureAwait(false) > 0) return;
        var jobs = await store.GetJobsAsync(runId, CancellationToken.None).ConfigureAwait(false);
        await store.UpdateRunAsync(runId, RunStatus.From(jobs.Select(j => j.State)), finished: true, CancellationToken.None).ConfigureAwait(false);
    }
}
