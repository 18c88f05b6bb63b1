using System.Text.Json.Nodes;
using Catwalk.Bench.Baseline;
using Catwalk.Bench.Infrastructure;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 2 (bytes on the wire): one whole run — 3 references of ≈2 MB, the image stage, 8 video models — counted by the
/// emulator as request bytes received. Ours uploads each file once and sends URLs; the seed inlined every image
/// as a data URI in every request. The references are RGBA PNGs whose alpha is 255 everywhere, so ours sends them
/// as RGB PNGs with identical pixels (<see cref="Catwalk.Pipelines.References.LosslessPngOptimizer"/>): that gain
/// depends on the fixture; a JPEG reference would go up unchanged. Then a second run of the same look, in another
/// process on the same store (a later <c>catwalk run</c>, another worker): its references' URLs come from the store,
/// so it uploads nothing and sends only JSON.
/// </summary>
public static class WireBytesBenchmark
{
    private static readonly string[] Models = ["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken cancellationToken)
    {
        await using var stack = await BenchStack.StartAsync(latencyScale: 0);
        var paths = Enumerable.Range(0, 3).Select(i => BenchImages.Write(Path.Combine(stack.Folder, $"ref{i}.png"), 820, 820, 10 + i, noise: true)).ToList();
        var refs = await ReferenceImageLoader.LoadSetAsync(paths[0], paths[1], [paths[2]], cancellationToken: cancellationToken);
        const string prompt = "the person from image 1 wearing the outfit, full body, face kept";

        var (ours, _) = await RunLookAsync(stack, stack.Services, refs, prompt, cancellationToken);
        var (second, secondUploads) = await RunLookAsync(stack, stack.AnotherProcess(), refs, prompt, cancellationToken);

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var seed = new SeedStyleClient(http, stack.Emulator.BaseUri);
        var before = stack.Emulator.GetStats().BytesReceived;
        var imageArgs = new JsonObject
        {
            ["prompt"] = prompt,
            ["image_urls"] = new JsonArray([.. paths.Select(p => (JsonNode)SeedStyleClient.DataUri(File.ReadAllBytes(p)))]),
            ["num_images"] = 1,
        };
        var (generated, _) = await seed.RunAsync("fal-ai/nano-banana/edit", imageArgs, cancellationToken);
        var plan = stack.Get<VideoPipeline>().Plan(Models, new Catalog.VideoSettings(), strict: false, "walks");
        foreach (var item in plan.Items)
        {
            var arguments = (JsonObject)item.Fitted.Arguments.DeepClone();
            arguments[item.Model.Inputs.Image ?? "image_url"] = SeedStyleClient.DataUri(generated);
            await seed.RunAsync(item.Model.EndpointId, arguments, cancellationToken);
        }
        var seedBytes = stack.Emulator.GetStats().BytesReceived - before;
        var ratio = seedBytes / (double)ours;
        var secondRatio = seedBytes / (double)second;
        return
        [
            new BenchResult("wire_bytes_seed_over_ours", Math.Round(ratio, 2), "ratio",
                $"bytes sent for one run (3 × {new FileInfo(paths[0]).Length / 1e6:0.0} MB references, 8 models): seed {seedBytes / 1e6:0.00} MB over ours {ours / 1e6:0.00} MB")
            {
                Baseline = seedBytes, BaselineDescription = "seed bytes sent", Target = "≥ 5", MeetsTarget = ratio >= 5,
            },
            new BenchResult("wire_bytes_ours", ours, "bytes", "bytes Catwalk sent for that run (each reference uploaded once, as a lossless RGB PNG since its alpha is all opaque; URLs after)"),
            new BenchResult("wire_bytes_second_run_seed_over_ours", Math.Round(secondRatio, 1), "ratio",
                $"bytes sent for a second run of the same look in another process on the same store ({secondUploads} uploads): seed {seedBytes / 1e6:0.00} MB over ours {second / 1e3:0.0} kB")
            {
                Baseline = seedBytes, BaselineDescription = "seed bytes sent (its second run sends as much again)", Target = "≥ 100", MeetsTarget = secondRatio >= 100,
            },
            new BenchResult("wire_bytes_second_run_ours", second, "bytes", "bytes Catwalk sent for the second run (the references' URLs from the store, the new image as fal's URL: JSON only)"),
        ];
    }

    /// <summary>The image stage and every video model for the look, through <paramref name="process"/>'s services: bytes the emulator received, and uploads.</summary>
    private static async Task<(long Bytes, int Uploads)> RunLookAsync(BenchStack stack, IServiceProvider process, ReferenceSet refs, string prompt, CancellationToken cancellationToken)
    {
        var (bytes, uploads) = (stack.Emulator.GetStats().BytesReceived, stack.Emulator.GetStats().Uploads);
        var image = await process.GetRequiredService<ImagePipeline>().RunAsync(new ImageStageRequest { Prompt = prompt, References = refs.All }, cancellationToken);
        var videos = await process.GetRequiredService<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = image.Images[0].FullPath, Prompt = "walks", Models = Models }, cancellationToken);
        if (videos.Failed.Any()) throw new InvalidOperationException("wire bytes: a model failed");
        var stats = stack.Emulator.GetStats();
        return (stats.BytesReceived - bytes, stats.Uploads - uploads);
    }
}
