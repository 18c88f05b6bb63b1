using System.Diagnostics;
using System.Net.Http.Json;
using Catwalk.Bench.Infrastructure;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 6 (emulator capacity): submissions per second the emulator accepts with renders cached, from 64 concurrent
/// clients — far above what a benchmark asks of it, so the numbers above measure Catwalk, not the emulator.
/// </summary>
public static class EmulatorCapacityBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int submissions, CancellationToken cancellationToken)
    {
        await using var stack = await BenchStack.StartAsync(latencyScale: 0, gpus: 256);
        using var http = new HttpClient();
        var upload = await (await http.PostAsJsonAsync(new Uri(stack.Emulator.BaseUri, "storage/upload/initiate"), new { content_type = "image/png", file_name = "s.png" }, cancellationToken))
            .Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken);
        await http.PutAsync(upload!["upload_url"], new ByteArrayContent(await File.ReadAllBytesAsync(BenchImages.Write(Path.Combine(stack.Folder, "s.png"), 576, 1024, 9), cancellationToken)), cancellationToken);
        var body = new { prompt = "walks", image_url = upload["file_url"] };
        var endpoint = new Uri(stack.Emulator.BaseUri, "fal-ai/pika/v2.2/image-to-video");
        (await http.PostAsJsonAsync(endpoint, body, cancellationToken)).EnsureSuccessStatusCode();

        var next = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= submissions)
                using (var response = await http.PostAsJsonAsync(endpoint, body, cancellationToken)) response.EnsureSuccessStatusCode();
        }));
        wall.Stop();
        return [new BenchResult("emulator_submissions_per_second", Math.Round(submissions / wall.Elapsed.TotalSeconds, 0), "1/s",
            $"{submissions} submissions from 64 concurrent clients in {wall.Elapsed.TotalSeconds:0.00} s (renders cached)")];
    }
}
