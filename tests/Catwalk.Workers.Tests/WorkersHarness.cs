using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs;
using Catwalk.Runs.Hosting;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Testing;
using Catwalk.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Workers.Tests;

/// <summary>
/// Two workers' worth of the real stack in one test: the emulator on loopback, one run store on a real engine, and
/// two service providers (each its own fal client, pipelines and <see cref="StoredJobRunner"/>, named apart) sharing them.
/// </summary>
public sealed class WorkersHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _workers = [];

    private WorkersHarness(FalEmulator emulator, TestStore store, TempDirectory folder) => (Emulator, Store, Folder) = (emulator, store, folder);

    public FalEmulator Emulator { get; }
    public TestStore Store { get; }
    public TempDirectory Folder { get; }
    public IRunStore Runs => Store.Store;

    public static async Task<WorkersHarness> StartAsync(string engine, double latencyScale = 0, int workers = 2, TimeSpan? slotTimeToLive = null, TimeSpan? endpointWait = null, string[]? faults = null)
    {
        var folder = new TempDirectory("catwalk-workers-");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = latencyScale, CacheDirectory = Path.Combine(folder.Path, ".render-cache"), Seed = 7,
            Faults = [.. (faults ?? []).Select(Catwalk.Emulator.Faults.FaultRule.Parse)],
        }, ModelCatalog.BuiltIn);
        var store = await TestStore.OpenAsync(engine, Path.Combine(folder.Path, "outputs"));
        var harness = new WorkersHarness(emulator, store, folder);
        for (var i = 0; i < workers; i++)
            harness._workers.Add(new ServiceCollection().AddLogging().AddCatwalk(o =>
            {
                // A worker's own --out: runs must still be saved in their own folder, not here.
                o.OutputDirectory = Path.Combine(folder.Path, $"worker{i}-out");
                o.Emulated = true;
                o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; fal.ApiUrl = new Uri(emulator.BaseUri, "v1"); fal.PollInterval = TimeSpan.FromMilliseconds(20); };
            }).AddCatwalkRuns(store.Store).AddCatwalkWorker($"worker-{i}", slotTimeToLive ?? TimeSpan.FromSeconds(30), endpointWait).BuildServiceProvider());
        return harness;
    }

    public StoredJobRunner Worker(int index) => _workers[index].GetRequiredService<StoredJobRunner>();
    public IServiceProvider Services(int index) => _workers[index];
    public RunService RunService => _workers[0].GetRequiredService<RunService>();

    /// <summary>Stores a run as <c>batch --enqueue</c> would, but with any budget (even one below the estimate, to test the gate).</summary>
    public async Task<RunRecord> StoreRunAsync(RunSpec spec, bool emulated = true)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var plan = _workers[0].GetRequiredService<RunPlanner>().Plan(spec, id);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var run = new RunRecord
        {
            Id = id, Kind = RunKind.Batch, CreatedAt = now, UpdatedAt = now, Emulated = emulated, OutputRoot = Path.Combine(Folder.Path, "run-out"),
            EstimatedCostUsd = plan.EstimatedCostUsd, BudgetUsd = spec.BudgetUsd, SpecJson = RunSpecJson.Serialize(spec),
        };
        await Runs.CreateRunAsync(run, plan.Jobs);
        return run;
    }

    public LookSpec Look(string id, int seed, bool withImage = false)
    {
        Directory.CreateDirectory(Path.Combine(Folder.Path, "in"));
        string Png(string name, int s) => TestImages.WritePng(Path.Combine(Folder.Path, "in", $"{id.Replace('/', '_')}-{name}.png"), 320, 480, s);
        return new LookSpec
        {
            Id = id, PersonId = id.Split('/')[0],
            PersonImage = withImage ? null : Png("person", seed), OutfitImages = withImage ? [] : [Png("top", seed + 100)],
            StartImage = withImage ? Png("start", seed + 200) : null,
            Person = new PersonAttributes { HeightCm = 170, Gender = Gender.Female }, Environment = new EnvironmentAttributes { Setting = "studio" },
        };
    }

    public RunSpec Batch(int looks, string[] models, decimal? budget = null, bool videoOnly = false) => new()
    {
        Kind = RunKind.Batch, Name = "workers", Looks = [.. Enumerable.Range(0, looks).Select(i => Look($"p{i}/o{i}/default", i + 1, videoOnly))],
        Models = models, Durations = [null], BudgetUsd = budget, UseCache = false, Metrics = false, PerEndpointConcurrency = 2,
    };

    public int TotalSubmissions => Emulator.GetStats().Endpoints.Values.Sum(s => s.Submissions);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        await Emulator.DisposeAsync();
        await Store.DisposeAsync();
        Folder.Dispose();
    }
}
