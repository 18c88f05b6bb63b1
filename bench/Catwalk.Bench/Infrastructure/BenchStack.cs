using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Bench.Infrastructure;

/// <summary>The real stack on loopback for one measurement: an emulator, Catwalk's services and a SQLite run store in a temp folder.</summary>
public sealed class BenchStack : IAsyncDisposable
{
    private BenchStack(FalEmulator emulator, ServiceProvider services, IRunStore store, string folder) => (Emulator, Services, Store, Folder) = (emulator, services, store, folder);

    public FalEmulator Emulator { get; }
    public ServiceProvider Services { get; }
    public IRunStore Store { get; }
    public string Folder { get; }
    public string Outputs => Path.Combine(Folder, "outputs");
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static string CatalogFile => Path.Combine(AppContext.BaseDirectory, "bench-catalog.json");

    public static async Task<BenchStack> StartAsync(double latencyScale, int gpus = 4, string renderCache = "")
    {
        var folder = Directory.CreateTempSubdirectory("catwalk-bench-").FullName;
        var catalog = ModelCatalog.WithFiles([CatalogFile]);
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = latencyScale, GpusPerEndpoint = gpus, Seed = 7,
            CacheDirectory = renderCache.Length > 0 ? renderCache : Path.Combine(Path.GetTempPath(), "catwalk-bench-renders"),
        }, catalog);
        var store = await RunStoreFactory.OpenAsync(null, Path.Combine(folder, "outputs"));
        return new BenchStack(emulator, BuildServices(folder, emulator, store), store, folder);
    }

    private readonly List<ServiceProvider> _others = [];

    /// <summary>Another Catwalk process on the same store and emulator (a later run, another worker): nothing in memory from this one.</summary>
    public ServiceProvider AnotherProcess()
    {
        var services = BuildServices(Folder, Emulator, Store);
        _others.Add(services);
        return services;
    }

    private static ServiceProvider BuildServices(string folder, FalEmulator emulator, IRunStore store) =>
        new ServiceCollection().AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = Path.Combine(folder, "outputs");
            o.CatalogFiles.Add(CatalogFile);
            o.Emulated = true;
            o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; };
        }).AddCatwalkRuns(store).BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others) await other.DisposeAsync();
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        await Emulator.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } // best effort: a temp folder
    }
}
