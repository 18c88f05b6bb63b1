using System.Diagnostics;
using System.Text.Json.Nodes;
using Catwalk.Bench.Baseline;
using Catwalk.Bench.Infrastructure;
using Catwalk.Pipelines;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 1 (fan-out) and 4 (status traffic): all 8 video models on one image with the emulator's realistic latencies
/// scaled down. Ours runs them at once and follows fal's status stream; the seed ran them one after the other,
/// polling every 0.5 s. Ideal is the slowest model's own latency.
/// </summary>
public static class FanOutBenchmark
{
    private static readonly string[] Models = ["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(double latencyScale, CancellationToken cancellationToken)
    {
        await using var stack = await BenchStack.StartAsync(latencyScale, gpus: 4);
        var image = BenchImages.Write(Path.Combine(stack.Folder, "look.png"), 720, 1280, 3);
        var videos = stack.Get<VideoPipeline>();
        var request = new VideoStageRequest { ImagePath = image, Prompt = "a model walks towards the camera", Models = Models };
        await videos.RunAsync(request, cancellationToken); // renders once, so both sides then time the protocol, not ffmpeg

        var before = stack.Emulator.GetStats();
        var wall = Stopwatch.StartNew();
        var ours = await videos.RunAsync(request, cancellationToken);
        wall.Stop();
        if (ours.Failed.Any()) throw new InvalidOperationException($"fan-out: {string.Join("; ", ours.Failed.Select(f => $"{f.ModelKey}: {f.Error}"))}");
        var slowest = ours.Outcomes.Max(o => o.Metadata!.LatencySec);
        var after = stack.Emulator.GetStats();
        var statusCalls = Models.Select(m => stack.Get<Catwalk.Catalog.ModelCatalog>().Get(m).EndpointId)
            .Sum(e => after.Endpoints[e].StatusCalls + after.Endpoints[e].StreamCalls - before.Endpoints[e].StatusCalls - before.Endpoints[e].StreamCalls);

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var seed = new SeedStyleClient(http, stack.Emulator.BaseUri);
        var png = await File.ReadAllBytesAsync(image, cancellationToken);
        var plan = videos.Plan(Models, new Catalog.VideoSettings(), strict: false, request.Prompt);
        var seedWall = Stopwatch.StartNew();
        foreach (var item in plan.Items)
        {
            var arguments = (JsonObject)item.Fitted.Arguments.DeepClone();
            arguments[item.Model.Inputs.Image ?? "image_url"] = SeedStyleClient.DataUri(png);
            await seed.RunAsync(item.Model.EndpointId, arguments, cancellationToken);
        }
        seedWall.Stop();

        var ratio = wall.Elapsed.TotalSeconds / slowest;
        return
        [
            new BenchResult("fanout_wall_over_slowest", Math.Round(ratio, 3), "ratio",
                $"8 models at once: wall {wall.Elapsed.TotalSeconds:0.00} s over the slowest model's own latency {slowest:0.00} s (ideal 1.0)")
            {
                Target = "≤ 1.05 + 0.2 s / slowest", MeetsTarget = wall.Elapsed.TotalSeconds <= slowest * 1.05 + 0.2,
            },
            new BenchResult("fanout_seed_over_ours", Math.Round(seedWall.Elapsed.TotalSeconds / wall.Elapsed.TotalSeconds, 2), "ratio",
                $"the seed's one-after-the-other wall {seedWall.Elapsed.TotalSeconds:0.00} s over ours {wall.Elapsed.TotalSeconds:0.00} s")
            {
                Baseline = Math.Round(seedWall.Elapsed.TotalSeconds, 2), BaselineDescription = "seed wall seconds (sequential, data URIs, 0.5 s polling)",
            },
            new BenchResult("status_requests_per_job_streaming", Math.Round(statusCalls / (double)Models.Length, 2), "requests/job",
                "status requests per job following fal's status stream (stream opens + polls)")
            {
                Baseline = Math.Round(seed.StatusPolls / (double)Models.Length, 2), BaselineDescription = "status polls per job at 0.5 s (seed)",
                Target = "≤ 2", MeetsTarget = statusCalls / (double)Models.Length <= 2,
            },
        ];
    }
}
