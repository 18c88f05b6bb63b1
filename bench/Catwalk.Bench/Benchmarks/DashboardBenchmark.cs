using Catwalk.Domain;
using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Dashboard;
using Catwalk.Store;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// The dashboard's overview (server-rendered, all numbers computed from the store) with 10,000 generations in a
/// SQLite store, against the same page over an empty store: cold (first request) and warm (median of 10).
/// </summary>
public static class DashboardBenchmark
{
    private static readonly string[] Models = ["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int generations, CancellationToken cancellationToken)
    {
        var empty = await MeasureAsync(0, cancellationToken);
        var full = await MeasureAsync(generations, cancellationToken);
        return
        [
            new BenchResult("dashboard_overview_10k_warm_seconds", Math.Round(full.Warm, 3), "s",
                $"GET / with {generations} generations in the store: median of 10 warm loads (cold: {full.Cold:0.000} s)")
            {
                Baseline = Math.Round(empty.Warm, 3), BaselineDescription = "the same page over an empty store", Target = "< 1", MeetsTarget = full.Warm < 1,
            },
            new BenchResult("dashboard_overview_10k_cold_seconds", Math.Round(full.Cold, 3), "s", "the first GET / after the dashboard started (10,000 generations)")
            {
                Target = "< 1", MeetsTarget = full.Cold < 1,
            },
            new BenchResult("dashboard_generations_page_10k_seconds", Math.Round(full.Table, 3), "s", "GET /generations (server-side paging) with 10,000 generations, median of 5"),
        ];
    }

    private static async Task<(double Cold, double Warm, double Table)> MeasureAsync(int generations, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("catwalk-bench-dashboard-").FullName;
        try
        {
            var db = Path.Combine(folder, "catwalk.db");
            await using (var store = await RunStoreFactory.OpenAsync(db, folder, cancellationToken: cancellationToken))
                if (generations > 0) await SeedAsync(store, folder, generations, cancellationToken);
            await using var server = await DashboardServer.StartAsync(new DashboardOptions { OutputRoot = folder, Db = db }, cancellationToken);
            using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(2) };
            var cold = await TimeAsync(http, "/", cancellationToken);
            var warm = new List<double>();
            for (var i = 0; i < 10; i++) warm.Add(await TimeAsync(http, "/", cancellationToken));
            var table = new List<double>();
            for (var i = 0; i < 5; i++) table.Add(await TimeAsync(http, "/generations", cancellationToken));
            return (cold, Median(warm), Median(table));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task SeedAsync(IRunJobStore store, string folder, int generations, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        for (var batch = 0; batch < generations / 1000; batch++)
        {
            var runId = Guid.CreateVersion7().ToString("N");
            var jobs = Enumerable.Range(0, 1000).Select(i =>
            {
                var at = start + random.NextInt64(30L * 24 * 3600 * 1000);
                var model = Models[i % Models.Length];
                var ok = random.NextDouble() > 0.05;
                var queue = random.NextDouble() * 5;
                var inference = 20 + random.NextDouble() * 100;
                return new JobRecord
                {
                    Id = Guid.CreateVersion7().ToString("N"), RunId = runId, Stage = StageKind.Video, ModelKey = model, EndpointId = $"fal-ai/{model}",
                    InputKey = $"p{i / 8}/o{batch}/s@5s", LookId = $"p{i / 8}/o{batch}/s", PersonId = $"p{i / 8}", OutfitId = $"o{batch}", RequestedDuration = 5,
                    State = ok ? JobState.Downloaded : JobState.Failed, RequestId = Guid.NewGuid().ToString(), EstimatedCostUsd = 0.5m, CostUsd = ok ? 0.5m : null,
                    QueueSec = queue, InferenceSec = inference, DownloadSec = 0.4, LatencySec = queue + inference + 0.4, DurationSec = 5,
                    CreatedAt = at, UpdatedAt = at, SubmittedAt = at, CompletedAt = at + 60_000, Error = ok ? null : "the model failed",
                    FilePath = ok ? $"videos/{model}/v{batch}_{i}.mp4" : null, Prompt = "a model walks towards the camera", Emulated = true,
                };
            }).ToList();
            await store.CreateRunAsync(new RunRecord
            {
                Id = runId, Kind = RunKind.Batch, Name = $"seeded {batch}", Status = RunStatus.Partial, CreatedAt = start, UpdatedAt = start, FinishedAt = start,
                OutputRoot = folder, Emulated = true,
            }, jobs, cancellationToken);
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsStringAsync(cancellationToken);
        return wall.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
