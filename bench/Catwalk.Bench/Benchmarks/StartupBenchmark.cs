using System.Diagnostics;
using Catwalk.Bench.Infrastructure;

namespace Catwalk.Bench.Benchmarks;

/// <summary>7 (startup): `catwalk models` in a cold process against `dotnet --version`, the floor of any .NET program; medians of several runs.</summary>
public static class StartupBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string catwalkDll, int runs, CancellationToken cancellationToken)
    {
        var ours = await MedianAsync(["exec", catwalkDll, "models"], runs, cancellationToken);
        var floor = await MedianAsync(["--version"], runs, cancellationToken);
        return
        [
            new BenchResult("startup_models_over_dotnet_version", Math.Round(ours / floor, 2), "ratio",
                $"`catwalk models` {ours * 1000:0} ms over `dotnet --version` {floor * 1000:0} ms (medians of {runs})")
            { Baseline = Math.Round(floor, 3), BaselineDescription = "dotnet --version seconds" },
            new BenchResult("startup_models_seconds", Math.Round(ours, 3), "s", "`catwalk models` wall time, cold process (median)"),
        ];
    }

    private static async Task<double> MedianAsync(string[] args, int runs, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var wall = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(cancellationToken), process.StandardError.ReadToEndAsync(cancellationToken), process.WaitForExitAsync(cancellationToken));
            times.Add(wall.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
