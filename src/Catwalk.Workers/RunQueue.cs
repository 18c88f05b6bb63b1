using Catwalk.Runs;
using Catwalk.Runs.Specs;

namespace Catwalk.Workers;

/// <summary>Submits a run to the workers: stored with its plan (refused when over its budget), then its jobs put on the queue.</summary>
public sealed class RunQueue(RunService runs, RunEnqueuer enqueuer)
{
    /// <summary>Returns once the run and its queued jobs are both in the database; nothing is sent to fal from here.</summary>
    public async Task<QueuedRun> SubmitAsync(RunSpec spec, string outputRoot, bool emulated, CancellationToken cancellationToken = default)
    {
        var run = await runs.CreateAsync(spec, outputRoot, emulated, cancellationToken).ConfigureAwait(false);
        var jobs = await runs.Store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        // Stored but not enqueued (the database went away in between) is not lost: the run stays planned for `catwalk resume`.
        var enqueued = enqueuer.Enqueue(run, jobs);
        return new QueuedRun(run.Id, enqueued, run.EstimatedCostUsd, WorkerQueues.For(emulated)) { OutputRoot = run.OutputRoot };
    }
}
