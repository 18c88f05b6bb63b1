using Catwalk.Catalog;
using Catwalk.Runs;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Catwalk.Runs.Queue;

namespace Catwalk.Dashboard.Launch;

/// <summary>
/// An <see cref="IRunLauncher"/> for <c>catwalk server</c>: each run is stored with its plan, then its jobs are put on
/// the workers' queue (<see cref="IRunQueue"/>, Hangfire in Catwalk.Workers). Nothing runs in this process, so there is nothing to stop.
/// </summary>
public sealed class QueueRunLauncher(RunService runs, IRunQueue queue, ModelCatalog catalog, string outputRoot, bool emulated) : IRunLauncher
{
    public bool Emulated => emulated;
    public ModelCatalog Catalog => catalog;
    public string Queue => queue.QueueFor(emulated);

    public RunPlan Plan(RunSpec spec) => runs.Plan(spec);

    public async Task<string> StartAsync(RunSpec spec, CancellationToken cancellationToken = default) =>
        (await EnqueueAsync(spec, cancellationToken).ConfigureAwait(false)).RunId;

    /// <summary>Stores the run (refused when over its budget) and enqueues its jobs; returns once both are in the database.</summary>
    public Task<QueuedRun> EnqueueAsync(RunSpec spec, CancellationToken cancellationToken = default) =>
        queue.SubmitAsync(spec, outputRoot, emulated, cancellationToken);
}
