using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Queue;

/// <summary>
/// The workers' queue as the dashboard and other enqueuers see it: a run submitted here is stored with its plan and
/// its jobs queued for workers (implemented over Hangfire in Catwalk.Workers), so they need no reference to Hangfire.
/// </summary>
public interface IRunQueue
{
    /// <summary>Returns once the run and its queued jobs are both in the database; nothing is sent to fal from here.</summary>
    Task<QueuedRun> SubmitAsync(RunSpec spec, string outputRoot, bool emulated, CancellationToken cancellationToken = default);

    /// <summary>The queue a run made against the emulator (or real fal) goes to, and the workers that take it listen on.</summary>
    string QueueFor(bool emulated);
}
