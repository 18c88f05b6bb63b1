using System.Diagnostics;
using Catwalk.Bench.Benchmarks;
using Catwalk.Bench.Infrastructure;

// Catwalk's benchmark suite: dotnet run -c Release --project bench/Catwalk.Bench [-- --quick] [--only NAME] [--workers 1,2] [--latency zero|realistic] [--concurrency 32,128] [--compare-with BASELINE.json --baseline-commit REV]
// Every number is measured against the emulator on loopback, beside a baseline measured in the same run.
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../results"));
// The published build (bench.sh publishes linux-x64, ReadyToRun, as the README does): its own `catwalk` executable.
var published = args.SkipWhile(a => a != "--published").Skip(1).FirstOrDefault();
var catwalkDll = args.SkipWhile(a => a != "--catwalk").Skip(1).FirstOrDefault() ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../.build/cli/catwalk.dll"));
// For looking into one case of the workers part (e.g. under a profiler): --workers 1 --latency realistic.
var workerCounts = args.SkipWhile(a => a != "--workers").Skip(1).FirstOrDefault() is { } counts ? counts.Split(',').Select(int.Parse).ToArray() : quick ? [1, 2] : [1, 2, 4];
var workerLatency = args.SkipWhile(a => a != "--latency").Skip(1).FirstOrDefault();
// For looking into one case of the batch part: --concurrency 128.
var batchConcurrencies = args.SkipWhile(a => a != "--concurrency").Skip(1).FirstOrDefault() is { } levels ? levels.Split(',').Select(int.Parse).ToArray() : quick ? [64] : [32, 64, 128];
// For looking into one engine of the dashboard part: --engines sqlite (or postgres).
var dashboardEngines = args.SkipWhile(a => a != "--engines").Skip(1).FirstOrDefault();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var steps = new (string Name, Func<Task<IReadOnlyList<BenchResult>>> Run)[]
{
    ("emulator", () => EmulatorCapacityBenchmark.RunAsync(quick ? 500 : 3000, cancel.Token)),
    ("fanout", () => FanOutBenchmark.RunAsync(latencyScale: 0.04, cancel.Token)),
    ("wire", () => WireBytesBenchmark.RunAsync(cancel.Token)),
    ("batch", () => BatchThroughputBenchmark.RunAsync(quick ? 200 : 1000, latencySeconds: 2, batchConcurrencies, cancel.Token)),
    ("memory", () => MemoryBenchmark.RunAsync(quick ? 100 : 500, quick ? 200 : 1000, cancel.Token)),
    ("dashboard", () => DashboardBenchmark.RunAsync(quick ? 20_000 : 100_000, quick ? 4_000 : 20_000, dashboardEngines, cancel.Token)),
    ("workers", () => File.Exists(catwalkDll) ? WorkersBenchmark.RunAsync(catwalkDll, quick ? 12 : 50, workerCounts, workerLatency, cancel.Token) : Task.FromResult<IReadOnlyList<BenchResult>>([])),
    ("startup", () => File.Exists(catwalkDll) ? StartupBenchmark.RunAsync(catwalkDll, published, quick ? 3 : 7, cancel.Token) : Task.FromResult<IReadOnlyList<BenchResult>>([])),
    ("metrics", () => MetricsBenchmark.RunAsync(quick ? 1 : 3, cancel.Token)),
};
var results = new List<BenchResult>();
var total = Stopwatch.StartNew();
foreach (var (name, run) in steps.Where(s => only is null || s.Name == only))
{
    var step = Stopwatch.StartNew();
    Console.WriteLine($"== {name}");
    foreach (var result in await run())
    {
        results.Add(result);
        Console.WriteLine($"   {result.Name} = {result.Value} {result.Unit}{(result.MeetsTarget is false ? "  (target " + result.Target + " NOT met)" : "")}  — {result.Description}");
    }
    Console.WriteLine($"   ({step.Elapsed.TotalSeconds:0} s)");
}
await ResultsWriter.WriteAsync(output, results, total.Elapsed, quick);
Console.WriteLine($"Results: {Path.Combine(output, "latest.json")} and latest.md ({total.Elapsed.TotalSeconds:0} s)");
if (args.SkipWhile(a => a != "--compare-with").Skip(1).FirstOrDefault() is { } baseline)
{
    var commit = args.SkipWhile(a => a != "--baseline-commit").Skip(1).FirstOrDefault() ?? Path.GetFileName(baseline);
    await CommitComparison.WriteAsync(output, baseline, commit, results);
    Console.WriteLine($"Against {commit}: {Path.Combine(output, "compare.md")}");
    Console.WriteLine(await File.ReadAllTextAsync(Path.Combine(output, "compare.md")));
}
