using System.Collections.Concurrent;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Generation;
using Catwalk.Pipelines.Hosting;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines.Tests.Hosting;

/// <summary>A host adds its own middleware around every catalog model's generator through the builder AddCatwalk() returns.</summary>
public class GeneratorLayersTests
{
    [Fact]
    public async Task A_hosts_layers_wrap_every_video_and_image_generator_outside_the_cost_estimate()
    {
        using var dir = new TempDirectory();
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0, CacheDirectory = dir.File("cache") }, ModelCatalog.BuiltIn);
        var seen = new ConcurrentQueue<string>();
        await using var services = new ServiceCollection()
            .AddCatwalk(o => { o.OutputDirectory = dir.File("outputs"); o.Emulated = true; o.ConfigureFal = fal => fal.QueueUrl = fal.StorageUrl = emulator.BaseUri; })
            .ConfigureVideoGenerators((g, model) => g.Use(inner => new AuditingVideoGenerator(inner, $"video {model.Key}", seen)))
            .ConfigureImageGenerators((g, model) => g.Use(inner => new AuditingImageGenerator(inner, $"image {model.Key}", seen)))
            .BuildServiceProvider();

        var image = TestImages.WritePng(dir.File("look.png"));
        var videos = await services.GetRequiredService<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = image, Prompt = "walks", Models = ["pika", "ltx"] });
        videos.Failed.ShouldBeEmpty();
        await services.GetRequiredService<ImagePipeline>().RunAsync(new ImageStageRequest { Prompt = "a person in a coat" });

        // Each call passed through the host's layer once, and the layer saw the cost estimate made inside it.
        seen.OrderBy(s => s).ShouldBe(["image nano-banana priced", "video ltx priced", "video pika priced"]);
    }

    private sealed class AuditingVideoGenerator(IVideoGenerator inner, string name, ConcurrentQueue<string> seen) : DelegatingVideoGenerator(inner)
    {
        public override async Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var response = await base.GenerateAsync(request, options, cancellationToken);
            seen.Enqueue(response.Cost is { Usd: > 0 } ? $"{name} priced" : $"{name} unpriced");
            return response;
        }
    }

    private sealed class AuditingImageGenerator(IImageGenerator inner, string name, ConcurrentQueue<string> seen) : DelegatingImageGenerator(inner)
    {
        public override async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var response = await base.GenerateAsync(request, options, cancellationToken);
            seen.Enqueue(response.Cost is { Usd: > 0 } ? $"{name} priced" : $"{name} unpriced");
            return response;
        }
    }
}
