using System.Diagnostics;
using Catwalk.Bench.Infrastructure;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 7 (startup): `catwalk models` in a cold process against `dotnet --version`, the floor of any .NET program; medians of
/// several runs, interleaved so a busy moment of the machine hits all of them alike. Both the build the repository runs
/// (`dotnet catwalk.dll`, JIT only) and, when given, the published one (its `catwalk` executable, ReadyToRun).
/// </summary>
public static class StartupBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string catwalkDll, string? publishedFolder, int runs, CancellationToken cancellationToken)
    {
        var published = publishedFolder is null ? null : Path.Combine(publishedFolder, "catwalk");
        if (published is not null && !File.Exists(published)) published = null;
        List<double> ours = [], floor = [], shipped = [];
        for (var i = 0; i < runs; i++)
        {
            ours.Add(await TimeAsync("dotnet", ["exec", catwalkDll, "models"], cancellationToken));
            floor.Add(await TimeAsync("dotnet", ["--version"], cancellationToken));
            if (published is not null) shipped.Add(await TimeAsync(published, ["models"], cancellationToken));
        }
        var (o, f) = (Median(ours), Median(floor));
        List<BenchResult> results =
        [
            new BenchResult("startup_models_over_dotnet_version", Math.Round(o / f, 2), "ratio",
                $"`catwalk models` {o * 1000:0} ms over `dotnet --version` {f * 1000:0} ms (medians of {runs})")
            { Baseline = Math.Round(f, 3), BaselineDescription = "dotnet --version seconds" },
            new BenchResult("startup_models_seconds", Math.Round(o, 3), "s", "`catwalk models` wall time, cold process (median)"),
        ];
        if (published is not null)
        {
            var p = Median(shipped);
            results.Add(new BenchResult("startup_published_models_over_dotnet_version", Math.Round(p / f, 2), "ratio",
                $"published linux-x64 (ReadyToRun) `catwalk models` {p * 1000:0} ms over `dotnet --version` {f * 1000:0} ms (medians of {runs})")
            { Baseline = Math.Round(f, 3), BaselineDescription = "dotnet --version seconds" });
            results.Add(new BenchResult("startup_published_models_seconds", Math.Round(p, 3), "s", "published `catwalk models` wall time, cold process (median)"));
        }
        return results;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static async Task<double> TimeAsync(string program, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken), process.WaitForExitAsync(cancellationToken));
        return wall.Elapsed.TotalSeconds;
    }
}
