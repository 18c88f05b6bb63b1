using Catwalk.Domain;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Catwalk.Workers;

/// <summary>
/// Puts a stored run's unfinished jobs on the Hangfire queue of its kind (<see cref="WorkerQueues"/>): each look's
/// image job first, its video jobs as continuations that start once the image job has ended — so no worker waits
/// idle on another's image, and all of it is in the database before this returns.
/// </summary>
public sealed class RunEnqueuer(IBackgroundJobClient client)
{
    public int Enqueue(RunRecord run, RunSpec spec, IReadOnlyList<JobRecord> jobs)
    {
        var queue = WorkerQueues.For(run.Emulated);
        var enqueued = 0;
        foreach (var look in spec.Looks)
        {
            var image = jobs.FirstOrDefault(j => j.Stage == StageKind.Image && j.InputKey == InputKeys.Image(look));
            string? parent = null;
            if (image is not null && !JobStateMachine.IsTerminal(image.State))
            {
                parent = client.Create(Activity(run.Id, image.Id, queue), new EnqueuedState(queue));
                enqueued++;
            }
            foreach (var video in jobs.Where(j => j.Stage == StageKind.Video && j.LookId == look.Id && !JobStateMachine.IsTerminal(j.State)))
            {
                IState state = parent is null ? new EnqueuedState(queue) : new AwaitingState(parent, new EnqueuedState(queue), JobContinuationOptions.OnAnyFinishedState);
                client.Create(Activity(run.Id, video.Id, queue), state);
                enqueued++;
            }
        }
        return enqueued;
    }

    /// <summary>The job carries its queue, so a retry or a reschedule goes back to the same queue, not Hangfire's "default".</summary>
    private static Job Activity(string runId, string jobId, string queue) =>
        Job.FromExpression<FalJobActivity>(a => a.RunAsync(runId, jobId, CancellationToken.None), queue);
}
