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
        var services = new ServiceCollection().AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = Path.Combine(folder, "outputs");
            o.CatalogFiles.Add(CatalogFile);
            o.Emulated = true;
            o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; };
        }).AddCatwalkRuns(store).BuildServiceProvider();
        return new BenchStack(emulator, services, store, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        await Emulator.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } // best effort: a temp folder
    }
}
