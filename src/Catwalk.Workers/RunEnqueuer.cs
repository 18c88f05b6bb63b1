using Catwalk.Runs.Engine;
using Catwalk.Store;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Catwalk.Workers;

/// <summary>
/// Puts a stored run's unfinished jobs on the Hangfire queue of its kind (<see cref="WorkerQueues"/>), one Hangfire job
/// per job of the run's graph: a job whose input is still to do is a continuation of its input's Hangfire job, started
/// once that has ended (the engine then judges it) — so no worker waits idle on another's image, and all of it is in
/// the database before this returns.
/// </summary>
public sealed class RunEnqueuer(IBackgroundJobClient client)
{
    public int Enqueue(RunRecord run, IReadOnlyList<JobRecord> jobs)
    {
        var queue = WorkerQueues.For(run.Emulated);
        var enqueued = new Dictionary<string, string>(StringComparer.Ordinal);
        // In planned order, so a job's input is enqueued before it.
        foreach (var job in new JobGraph(jobs).Jobs.Where(j => !JobStateMachine.IsTerminal(j.State)))
        {
            var parent = JobGraph.InputsOf(job).Select(enqueued.GetValueOrDefault).FirstOrDefault(id => id is not null);
            IState state = parent is null ? new EnqueuedState(queue) : new AwaitingState(parent, new EnqueuedState(queue), JobContinuationOptions.OnAnyFinishedState);
            enqueued[job.Id] = client.Create(Activity(run.Id, job.Id, queue), state);
        }
        return enqueued.Count;
    }

    /// <summary>The job carries its queue, so a retry or a reschedule goes back to the same queue, not Hangfire's "default".</summary>
    private static Job Activity(string runId, string jobId, string queue) =>
        Job.FromExpression<FalJobActivity>(a => a.RunAsync(runId, jobId, CancellationToken.None), queue);
}
