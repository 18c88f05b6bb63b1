using Catwalk.Store;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs.Hosting;
using Catwalk.Runs.Specs;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Tests;

/// <summary>The real stack for durable runs: the emulator on loopback, the fal client, the pipelines and a run store on a real engine.</summary>
public sealed class RunsHarness : IAsyncDisposable
{
    private RunsHarness(FalEmulator emulator, ServiceProvider services, TestStore store, TempDirectory folder) =>
        (Emulator, Services, Store, Folder) = (emulator, services, store, folder);

    public FalEmulator Emulator { get; }
    public ServiceProvider Services { get; }
    public TestStore Store { get; }
    public TempDirectory Folder { get; }
    public RunService Runs => Services.GetRequiredService<RunService>();
    public string OutputRoot => Store.OutputRoot;

    public static async Task<RunsHarness> StartAsync(string engine, string[]? faults = null, double latencyScale = 0, string? key = null, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null, ModelCatalog? emulatorCatalog = null,
        Action<Catwalk.Fal.FalOptions>? fal = null, int gpus = 4)
    {
        var folder = new TempDirectory("catwalk-runs-");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = latencyScale, RequiredKey = key, GpusPerEndpoint = gpus, CacheDirectory = Path.Combine(folder.Path, ".render-cache"), Seed = 7,
            Faults = [.. (faults ?? []).Select(Catwalk.Emulator.Faults.FaultRule.Parse)],
        }, emulatorCatalog ?? ModelCatalog.BuiltIn);
        var store = await TestStore.OpenAsync(engine, Path.Combine(folder.Path, "outputs"));
        var services = BuildServices(emulator.BaseUri, store, key, logging, fal);
        return new RunsHarness(emulator, services, store, folder) { _key = key, _logging = logging, _fal = fal };
    }

    private string? _key;
    private Action<Catwalk.Fal.FalOptions>? _fal;
    private Action<Microsoft.Extensions.Logging.ILoggingBuilder>? _logging;
    private readonly List<ServiceProvider> _others = [];

    /// <summary>
    /// Another Catwalk process on the same store (a later <c>catwalk run</c>, another worker's host): services of its own,
    /// nothing in memory from this one; its fal client goes to <paramref name="fal"/> (default this harness's emulator).
    /// </summary>
    public ServiceProvider AnotherProcess(Uri? fal = null, Action<Catwalk.Fal.FalOptions>? configure = null)
    {
        var services = BuildServices(fal ?? Emulator.BaseUri, Store, _key, _logging, configure ?? _fal);
        _others.Add(services);
        return services;
    }

    private static ServiceProvider BuildServices(Uri fal, TestStore store, string? key, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging,
        Action<Catwalk.Fal.FalOptions>? configure = null) =>
        new ServiceCollection().AddLogging(b => logging?.Invoke(b)).AddCatwalk(o =>
        {
            o.OutputDirectory = store.OutputRoot;
            o.Emulated = true;
            o.ConfigureFal = options =>
            {
                options.QueueUrl = fal;
                options.StorageUrl = fal;
                options.ApiUrl = new Uri(fal, "v1");
                options.PollInterval = TimeSpan.FromMilliseconds(20);
                options.Key = key is null ? null : Catwalk.Fal.FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = key });
                configure?.Invoke(options);
            };
        }).AddCatwalkRuns(store.Store).BuildServiceProvider();

    public string Image(string name, int seed)
    {
        Directory.CreateDirectory(Path.Combine(Folder.Path, "in"));
        return TestImages.WritePng(Path.Combine(Folder.Path, "in", name), 320, 480, seed);
    }

    /// <summary>A look with real reference files (different pictures per seed, so looks do not share a cache entry).</summary>
    public LookSpec Look(string id, int seed) => new()
    {
        Id = id, PersonId = id.Split('/')[0], OutfitId = id.Split('/').ElementAtOrDefault(1),
        PersonImage = Image($"{id.Replace('/', '_')}-person.png", seed), OutfitImages = [Image($"{id.Replace('/', '_')}-top.png", seed + 100)],
        Person = new PersonAttributes { HeightCm = 170, Gender = Gender.Female }, Environment = new EnvironmentAttributes { Setting = "studio" },
        Description = "walking towards the camera",
    };

    public RunSpec Batch(int looks, string[] models, int?[]? durations = null, decimal? budget = null, bool useCache = true, bool metrics = false) => new()
    {
        Kind = RunKind.Batch, Name = "test", Looks = [.. Enumerable.Range(0, looks).Select(i => Look($"p{i}/o{i}/default", i + 1))],
        Models = models, Durations = durations ?? [null], BudgetUsd = budget, UseCache = useCache, Metrics = metrics, Concurrency = 8, PerEndpointConcurrency = 4,
    };

    public int Submissions(string endpoint) => Emulator.GetStats().Endpoints.TryGetValue(endpoint, out var s) ? s.Submissions : 0;
    public int TotalSubmissions => Emulator.GetStats().Endpoints.Values.Sum(s => s.Submissions);

    public async ValueTask DisposeAsync()
    {
        foreach (var other in _others) await other.DisposeAsync();
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
        await Store.DisposeAsync();
        Folder.Dispose();
    }
}
