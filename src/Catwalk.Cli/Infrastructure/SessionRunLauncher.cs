using Catwalk.Catalog;
using Catwalk.Dashboard.Launch;
using Catwalk.Runs;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// The dashboard's launch page on a command's <see cref="FalSession"/> (fal with FAL_KEY, the built-in emulator without).
/// Runs execute in this process; disposing cancels them (they stay resumable with <c>catwalk resume</c>), then closes the session.
/// </summary>
internal sealed class SessionRunLauncher : IRunLauncher, IAsyncDisposable
{
    private readonly FalSession _session;
    private readonly RunServiceLauncher _runs;

    public SessionRunLauncher(FalSession session, string outputRoot)
    {
        _session = session;
        _runs = new RunServiceLauncher(session.Get<RunService>(), session.Get<ModelCatalog>(), outputRoot, session.Emulated);
    }

    public bool Emulated => _runs.Emulated;
    public ModelCatalog Catalog => _runs.Catalog;
    public RunPlan Plan(RunSpec spec) => _runs.Plan(spec);
    public Task<string> StartAsync(RunSpec spec, CancellationToken cancellationToken = default) => _runs.StartAsync(spec, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _runs.DisposeAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
    }
}
