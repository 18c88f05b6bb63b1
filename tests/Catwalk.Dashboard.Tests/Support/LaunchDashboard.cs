using Catwalk.Catalog;
using Catwalk.Dashboard.Launch;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs;
using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard that can launch runs: the real stack (fal emulator on loopback, fal client, pipelines, run store) behind a
/// <see cref="RunServiceLauncher"/>, as <c>catwalk dashboard</c> has without FAL_KEY.
/// </summary>
public sealed class LaunchDashboard : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly FalEmulator _emulator;
    private readonly ServiceProvider _services;
    private readonly IRunStore _store;

    private LaunchDashboard(TempDirectory folder, FalEmulator emulator, ServiceProvider services, IRunStore store, RunServiceLauncher launcher, DashboardServer server) =>
        (_folder, _emulator, _services, _store, Launcher, Server) = (folder, emulator, services, store, launcher, server);

    public RunServiceLauncher Launcher { get; }
    public DashboardServer Server { get; }
    public IRunStore Store => _store;
    public string OutputRoot => Path.Combine(_folder.Path, "outputs");

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static async Task<LaunchDashboard> StartAsync(double latencyScale = 0.05)
    {
        var folder = new TempDirectory("catwalk-launch-");
        var output = Path.Combine(folder.Path, "outputs");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = latencyScale, CacheDirectory = Path.Combine(folder.Path, ".render-cache"), Seed = 7,
        }, ModelCatalog.BuiltIn);
        var store = await RunStoreFactory.OpenAsync(null, output);
        var services = new ServiceCollection().AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = output;
            o.Emulated = true;
            o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; fal.PollInterval = TimeSpan.FromMilliseconds(50); };
        }).AddCatwalkRuns(store).BuildServiceProvider();
        var launcher = new RunServiceLauncher(services.GetRequiredService<RunService>(), ModelCatalog.BuiltIn, output, emulated: true);
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = output, Launcher = launcher });
        return new LaunchDashboard(folder, emulator, services, store, launcher, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Launcher.DisposeAsync();
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
        await _store.DisposeAsync();
        _folder.Dispose();
    }
}
