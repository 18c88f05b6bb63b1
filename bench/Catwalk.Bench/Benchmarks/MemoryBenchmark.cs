using Catwalk.Store;
using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Fal;
using Catwalk.Runs;
using Catwalk.Runs.Specs;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 5 (memory): the peak working set added while downloading a 500 MB video, ours (streamed to disk) against the
/// seed's (buffered in memory); and the managed heap after 500 and after 1,000 jobs (a leak would grow with jobs).
/// </summary>
public static class MemoryBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int megabytes, int jobs, CancellationToken cancellationToken)
    {
        await using var stack = await BenchStack.StartAsync(latencyScale: 0, gpus: 64);
        var big = Path.Combine(stack.Folder, "big.mp4");
        await using (var file = File.Create(big))
        {
            var chunk = new byte[1 << 20];
            new Random(1).NextBytes(chunk);
            for (var i = 0; i < megabytes; i++) await file.WriteAsync(chunk, cancellationToken);
        }
        var url = stack.Emulator.PublishFile(big, "video/mp4");
        var downloader = stack.Get<IFalMediaDownloader>();
        var ours = await PeakExtraMbAsync(() => downloader.DownloadAsync(url, Path.Combine(stack.Folder, "ours.mp4"), cancellationToken));
        File.Delete(Path.Combine(stack.Folder, "ours.mp4"));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var seed = await PeakExtraMbAsync(async () => await File.WriteAllBytesAsync(Path.Combine(stack.Folder, "seed.mp4"), await http.GetByteArrayAsync(url, cancellationToken), cancellationToken));

        var runs = stack.Get<RunService>();
        var image = BenchImages.Write(Path.Combine(stack.Folder, "start.png"), 576, 1024, 6);
        var heaps = new List<double>();
        for (var half = 0; half < 2; half++)
        {
            var spec = new RunSpec
            {
                Kind = RunKind.Batch, Metrics = false, Models = ["pika"], UseCache = false, Concurrency = 64, PerEndpointConcurrency = 64, VideoPrompt = "walks",
                Looks = [.. Enumerable.Range(0, jobs / 2).Select(i => new LookSpec { Id = $"h{half}-{i}", StartImage = image })],
            };
            await runs.ExecuteAsync(await runs.CreateAsync(spec, stack.Outputs, true, cancellationToken), null, cancellationToken);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            heaps.Add(GC.GetTotalMemory(forceFullCollection: true) / 1e6);
        }
        return
        [
            new BenchResult("download_500mb_extra_mb", Math.Round(ours, 1), "MB",
                $"peak working set added while downloading {megabytes} MB (streamed to disk)")
            {
                Baseline = Math.Round(seed, 1), BaselineDescription = "seed: whole response buffered in memory", Target = "< 32", MeetsTarget = ours < 32,
            },
            new BenchResult("heap_growth_mb_per_1000_jobs", Math.Round((heaps[1] - heaps[0]) * 1000 / (jobs / 2.0), 2), "MB",
                $"managed heap after {jobs / 2} jobs {heaps[0]:0.0} MB, after {jobs} jobs {heaps[1]:0.0} MB (flat = no per-job leak)"),
        ];
    }

    private static async Task<double> PeakExtraMbAsync(Func<Task> work)
    {
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.WorkingSet64;
        long peak = start;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        await work();
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        await stop.CancelAsync();
        await sampler;
        return (peak - start) / 1e6;
    }
}
