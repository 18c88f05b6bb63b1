using Catwalk.Domain;
using Catwalk.Runs.Engine;
using Catwalk.Runs.Execution;
using Catwalk.Runs.Journal;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Preflight;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reconciliation;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Telemetry;

namespace Catwalk.Runs;

/// <summary>
/// Durable runs: a run and all its planned jobs are stored before anything is sent, then executed through the
/// store's journal; a later <see cref="ReopenAsync"/> and <see cref="ExecuteAsync"/> collect what fal already has and send only what it never got.
/// </summary>
public sealed class RunService(IRunStore store, RunPlanner planner, LocalScheduler scheduler, UnknownJobReconciler reconciler, RunPreflight preflight, TimeProvider time)
{
    public IRunStore Store => store;

    /// <summary>The jobs and cost a spec would make; refuses unsupported settings. Stores nothing.</summary>
    public RunPlan Plan(RunSpec spec) => planner.Plan(spec, "plan");

    /// <summary>
    /// Stores the run and its plan, refusing it when the estimate is over the budget or when fal no longer accepts what
    /// it would send (<see cref="RunPreflight"/>; the other drift goes to <paramref name="warn"/>); nothing is sent yet.
    /// </summary>
    public async Task<RunRecord> CreateAsync(RunSpec spec, string outputRoot, bool emulated, CancellationToken cancellationToken = default, Action<string>? warn = null)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var plan = planner.Plan(spec, id);
        if (spec.BudgetUsd is { } budget && plan.EstimatedCostUsd > budget) throw new OverBudgetException(plan.EstimatedCostUsd, budget, plan.Jobs.Count);
        var fresh = await preflight.CheckAsync(plan, cancellationToken).ConfigureAwait(false);
        foreach (var warning in fresh.Warnings) warn?.Invoke(warning);
        if (fresh.Refusals.Count > 0) throw new InvalidInputException($"Nothing sent: {string.Join(" ", fresh.Refusals)}");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var run = new RunRecord
        {
            Id = id, Kind = spec.Kind, Name = spec.Name, CreatedAt = now, UpdatedAt = now, Emulated = emulated,
            OutputRoot = Path.GetFullPath(outputRoot), EstimatedCostUsd = plan.EstimatedCostUsd, BudgetUsd = spec.BudgetUsd,
            SpecJson = RunSpecJson.Serialize(spec),
        };
        await store.CreateRunAsync(run, plan.Jobs, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Runs (or goes on with) a stored run until every job it can do is done; Ctrl+C leaves it resumable.</summary>
    public async Task<RunOutcome> ExecuteAsync(RunRecord run, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        // The run's trace: every job's span (and its phases) is a child of this one.
        // Its trace id is the run id (unless the caller has a trace of its own, e.g. a dashboard request), so the
        // run's spans are found by its id, and a resume adds to the same trace.
        using var span = CatwalkTelemetry.Source.StartActivity(CatwalkPhaseNames.Run, System.Diagnostics.ActivityKind.Internal,
                System.Diagnostics.Activity.Current is null ? CatwalkTelemetry.RunContext(run.Id) : default)
            ?.SetTag(CatwalkTags.RunId, run.Id).SetTag(CatwalkTags.RunKind, run.Kind.Name()).SetTag(CatwalkTags.Emulated, run.Emulated);
        var outcome = await ExecuteRunAsync(run, observer, cancellationToken).ConfigureAwait(false);
        span?.SetTag(CatwalkTags.RunStatus, outcome.Run.Status.Name()).SetTag(CatwalkTags.CostUsd, (double)outcome.Jobs.Sum(j => j.ChargedUsd));
        return outcome;
    }

    private async Task<RunOutcome> ExecuteRunAsync(RunRecord run, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var spec = SpecOf(run);
        // fal's queue positions and log lines go to the store too, for live views; the last ones are written before this returns.
        await using var progress = new StoreProgressObserver(store, observer, time);
        observer = progress;
        // Each video is measured as soon as it is saved, beside the jobs; the run ends once they are all measured.
        await using var metrics = spec.Metrics ? new MetricsRecorder(store, run.OutputRoot, observer, spec: spec) : null;
        if (metrics is not null) observer = metrics;
        using var runLock = RunLock.Take(run.OutputRoot, run.Id);
        IReadOnlyList<LookOutcome> looks = [];
        try
        {
            looks = await RunPassesAsync(run, spec, observer, cancellationToken).ConfigureAwait(false);
            if (metrics is not null) await metrics.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped wherever it was (reading the plan, uploading, at fal): the run is stored as interrupted below,
            // so it is resumable and never shown as still running.
        }
        await progress.DisposeAsync().ConfigureAwait(false);
        // The video jobs report an interruption as their outcome rather than throwing, so ask the token.
        var interrupted = cancellationToken.IsCancellationRequested;
        var final = await store.GetJobsAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
        var status = RunStatus.From(final.Select(j => j.State));
        await store.UpdateRunAsync(run.Id, status, finished: status != RunStatus.Interrupted, CancellationToken.None).ConfigureAwait(false);
        return new RunOutcome(run with { Status = status }, spec, looks, final, interrupted);
    }

    private async Task<IReadOnlyList<LookOutcome>> RunPassesAsync(RunRecord run, RunSpec spec, IRunObserver observer, CancellationToken cancellationToken)
    {
        var jobs = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        using var gate = new JobGate(Math.Max(1, spec.Concurrency), Math.Max(1, spec.PerEndpointConcurrency), spec.BudgetUsd, jobs.Sum(j => j.ChargedUsd));
        observer.Started(jobs);
        IReadOnlyList<LookOutcome> looks = [];
        // A second pass sends again what fal cancelled before it ran (queued jobs an interrupted attempt gave up): never billed.
        for (var pass = 0; pass < 2; pass++)
        {
            // The jobs were read just now, and this process holds the run's lock (nothing else moves its jobs): each job's
            // first begin uses its record as read, instead of a thousand reads ahead of the first send.
            var journal = new StoreJobJournal(store, jobs, gate, observer, time, cancellationToken) { JobsAreCurrent = true };
            var attempt = new EngineRun(run, spec, journal, observer);
            looks = LookOutcomes.From(attempt, await scheduler.RunAsync(attempt, new JobGraph(jobs), cancellationToken).ConfigureAwait(false));
            if (cancellationToken.IsCancellationRequested || await ReopenCancelledAsync(run.Id).ConfigureAwait(false) == 0) break;
            jobs = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
        return looks;
    }

    /// <summary>
    /// Before a resume: a job left mid-send becomes unknown (it may be at fal); with <paramref name="reconcile"/>, every
    /// unknown job is then decided from fal's request history (<see cref="UnknownJobReconciler"/>: adopted, sent again
    /// because fal never started it, or left unknown with the reason); jobs fal cancelled are reopened, and failed or
    /// unknown ones too when the user asks. Nothing with a request id is ever reopened into a new send except unknown
    /// ones on <paramref name="resubmitUnknown"/>.
    /// </summary>
    public async Task<RunReopenCounts> ReopenAsync(RunRecord run, bool retryFailed, bool resubmitUnknown, bool reconcile = false, CancellationToken cancellationToken = default)
    {
        using var runLock = RunLock.Take(run.OutputRoot, run.Id);
        int failed = 0, cancelled = 0, unknown = 0, midSend = 0;
        var jobs = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        foreach (var job in jobs.Where(j => j.State == JobState.Submitting))
            if (await store.MoveAsync(job.Id, JobState.Unknown, new JobUpdate
                { Error = "the process stopped while this job was being sent, so fal may have received (and billed) it; not sent again. `catwalk resume --resubmit-unknown` sends it again." }, cancellationToken).ConfigureAwait(false))
                midSend++;
        IReadOnlyList<ReconciledJob> reconciled = [];
        if (midSend > 0 || reconcile) jobs = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        if (reconcile && !resubmitUnknown)
        {
            reconciled = await reconciler.ReconcileAsync(store, jobs, cancellationToken).ConfigureAwait(false);
            if (reconciled.Any(r => r.Verdict != ReconcileVerdict.StillUnknown)) jobs = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
        foreach (var job in jobs)
        {
            var state = job.State;
            var reopen = state switch
            {
                JobState.Cancelled => true,
                JobState.Failed => retryFailed,
                JobState.Unknown => resubmitUnknown,
                _ => false,
            };
            if (!reopen || !await store.MoveAsync(job.Id, JobState.Planned, new JobUpdate { ClearError = true, Detail = "reopened by resume" }, cancellationToken).ConfigureAwait(false)) continue;
            if (state == JobState.Failed) failed++;
            else if (state == JobState.Cancelled) cancelled++;
            else unknown++;
        }
        return new RunReopenCounts(failed, cancelled, unknown, midSend) { Reconciled = reconciled };
    }

    /// <summary>
    /// For a run made with an emulator that lived in the process that stopped: its requests died with it, so jobs
    /// waiting on them are sent again to the new one (emulated: nothing is paid). Never used against fal.
    /// </summary>
    public async Task<int> ForgetEmulatedRequestsAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        if (!run.Emulated) throw new InvalidOperationException($"Run {run.Id} used fal: its requests must be collected, not forgotten.");
        const string why = "the built-in emulator that had this request stopped with its process; sent again to a new one (emulated, nothing paid)";
        var reopened = 0;
        foreach (var job in await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false))
        {
            var parked = job.State switch
            {
                JobState.Submitted => await store.MoveAsync(job.Id, JobState.Cancelled, new JobUpdate { Error = why }, cancellationToken).ConfigureAwait(false),
                JobState.Completed => await store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = why }, cancellationToken).ConfigureAwait(false),
                _ => false,
            };
            if (parked && await store.MoveAsync(job.Id, JobState.Planned, new JobUpdate { ClearError = true, Detail = why }, cancellationToken).ConfigureAwait(false)) reopened++;
        }
        return reopened;
    }

    private async Task<int> ReopenCancelledAsync(string runId)
    {
        var reopened = 0;
        foreach (var job in (await store.GetJobsAsync(runId, CancellationToken.None).ConfigureAwait(false)).Where(j => j.State == JobState.Cancelled))
            if (await store.MoveAsync(job.Id, JobState.Planned, new JobUpdate { ClearError = true, Detail = "fal cancelled it before it ran; sent again" }, CancellationToken.None).ConfigureAwait(false))
                reopened++;
        return reopened;
    }

    /// <summary>Runs that still have jobs to do, newest first.</summary>
    public Task<IReadOnlyList<RunRecord>> UnfinishedAsync(CancellationToken cancellationToken = default) =>
        store.ListRunsAsync(new RunQuery { UnfinishedOnly = true }, cancellationToken);

    public static RunSpec SpecOf(RunRecord run) => run.SpecJson is { } json
        ? RunSpecJson.Deserialize(json)
        : throw new InvalidInputException($"Run {run.Id} ({run.Kind.Name()}) has no stored plan, so it cannot be resumed (imported runs are history only).");
}
