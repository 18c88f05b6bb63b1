using Catwalk.Catalog;
using Catwalk.Runs;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;

namespace Catwalk.Dashboard.Launch;

/// <summary>
/// An <see cref="IRunLauncher"/> over a <see cref="RunService"/>: each run is stored, then executed on a background
/// task that this launcher owns. Disposing cancels them (jobs still queued at fal are cancelled there, the run stays
/// resumable) and waits for them to stop.
/// </summary>
public sealed class RunServiceLauncher(RunService runs, ModelCatalog catalog, string outputRoot, bool emulated) : IRunLauncher, IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _running = [];

    public bool Emulated => emulated;
    public ModelCatalog Catalog => catalog;

    /// <summary>Runs this launcher started that are still executing.</summary>
    public int Active { get { lock (_gate) return _running.Count(t => !t.IsCompleted); } }

    public RunPlan Plan(RunSpec spec) => runs.Plan(spec);

    public async Task<string> StartAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        Runs.Gate.ImageGatePreflight.Check(spec); // this process gates the images: it needs the vision worker
        var run = await runs.CreateAsync(spec, outputRoot, emulated, cancellationToken).ConfigureAwait(false);
        var task = Task.Run(async () =>
        {
            // The outcome is in the store (the run's status and every job); a failure here leaves the run resumable.
            try { await runs.ExecuteAsync(run, null, _shutdown.Token).ConfigureAwait(false); }
            catch (Exception) when (_shutdown.IsCancellationRequested) { }
        }, CancellationToken.None);
        lock (_gate)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
        return run.Id;
    }

    /// <summary>Waits until every run started so far has finished (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return Task.WhenAll(_running);
    }

    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested) return;
        await _shutdown.CancelAsync().ConfigureAwait(false);
        try { await WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false); }
        catch (Exception) { /* a run that does not stop in time is left for `catwalk resume` */ }
        _shutdown.Dispose();
    }
}
