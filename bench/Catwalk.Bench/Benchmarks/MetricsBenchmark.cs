using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 8 (metrics): CPU seconds to measure one 5 s 1080×1920 video of a real person (a photo from the installed
/// @vladmandic/human package, zoomed): the pixel metrics (ffmpeg), and the fashion metrics at 8 frames (the frame branch of
/// the same decode plus the vision worker's CPU, which it reports per request). Target: fashion ≤ 3 s. Medians of several runs.
/// </summary>
public static class MetricsBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int runs, CancellationToken cancellationToken)
    {
        if (VisionInstall.Find(out var reason) is not { } install) { Console.WriteLine($"   {reason}"); return []; }
        var assets = Path.Combine(install.Folder, "node_modules", "@vladmandic", "human", "assets", "samples.jpg");
        var folder = Directory.CreateTempSubdirectory("catwalk-bench-metrics-").FullName;
        try
        {
            var person = Path.Combine(folder, "person.jpg");
            var face = Path.Combine(folder, "face.jpg");
            var video = Path.Combine(folder, "video.mp4");
            await FfmpegAsync(["-i", assets, "-vf", "crop=180:630:620:480", person], cancellationToken);
            await FfmpegAsync(["-i", Path.Combine(Path.GetDirectoryName(assets)!, "screenshot-facematch.jpg"), "-vf", "crop=164:164:4:27", face], cancellationToken);
            await FfmpegAsync(["-loop", "1", "-i", person, "-t", "5", "-vf", "scale=540:1890,pad=1080:1920:270:15:white,zoompan=z='1+0.0005*on':d=1:s=1080x1920:fps=24",
                "-pix_fmt", "yuv420p", "-c:v", "libx264", video], cancellationToken);
            await using var worker = new VisionWorker(install, TimeSpan.FromMinutes(5));
            var fashion = new FashionOptions(new FashionReferences(face, person, [person]), FashionOptions.DefaultFrames, worker);
            var start = Stopwatch.StartNew();
            await FashionMeasurement.MeasureImageAsync(person, fashion, cancellationToken); // starts the worker, measures the references once
            var startup = start.Elapsed.TotalSeconds;
            var pixel = new List<double>();
            var withFashion = new List<double>();
            var workerCpu = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                pixel.Add(await CpuAsync(() => VideoMetricsAnalyzer.AnalyzeAsync(video, null, null, null, cancellationToken)));
                VideoMetrics? measured = null;
                withFashion.Add(await CpuAsync(async () => measured = await VideoMetricsAnalyzer.AnalyzeAsync(video, null, null, fashion, cancellationToken)));
                workerCpu.Add(measured!.Fashion!.WorkerCpuSec);
            }
            var pixelSec = Median(pixel);
            // Ours (the decode with the frame branch, the analysis) less the pixel-only decode, plus the worker's own CPU.
            var fashionSec = Math.Max(0, Median(withFashion) - pixelSec) + Median(workerCpu);
            return
            [
                new BenchResult("metrics_pixel_cpu_sec", Math.Round(pixelSec, 2), "s", "CPU for the pixel metrics of a 5 s 1080×1920 video (ffmpeg, one decode; median)"),
                new BenchResult("metrics_fashion_cpu_sec", Math.Round(fashionSec, 2), "s", $"CPU for the fashion metrics of that video at {FashionOptions.DefaultFrames} frames: frame branch + vision worker (median; worker alone {Median(workerCpu):0.00} s)")
                    { Target = "≤ 3 s", MeetsTarget = fashionSec <= 3 },
                new BenchResult("metrics_vision_start_sec", Math.Round(startup, 2), "s", "Wall time to start the vision worker (models loaded) and measure the references, once per process"),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>CPU of this process and of the children it waited for (ffmpeg), from /proc: what the work cost, however busy the machine is.</summary>
    private static async Task<double> CpuAsync(Func<Task> work)
    {
        var before = Cpu();
        await work();
        return Cpu() - before;
    }

    private static double Cpu()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14–17 of proc(5) (utime, stime, cutime, cstime), counted from field 3 here.
        var ticks = fields[11..15].Sum(long.Parse);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task FfmpegAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {error}");
    }
}
