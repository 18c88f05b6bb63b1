using Catwalk.Fal;
using Catwalk.Pipelines;
using Catwalk.Pipelines.Hosting;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catwalk.Emulator.Tests;

/// <summary>A library user's offline mode: <c>AddCatwalk(o =&gt; o.UseEmulator())</c>.</summary>
public sealed class UseEmulatorTests
{
    [Fact]
    public async Task Videos_come_from_an_emulator_in_this_process_marked_emulated_with_no_key_sent()
    {
        using var folder = new TempDirectory();
        var image = TestImages.WritePng(folder.File("look.png"));
        var services = new ServiceCollection().AddCatwalk(o =>
        {
            o.OutputDirectory = folder.File("outputs");
            // The emulator wins over a key set here: no key goes anywhere.
            o.ConfigureFal = fal => fal.Key = FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = "should-never-be-sent" });
            o.UseEmulator(new FalEmulatorOptions { LatencyScale = 0, CacheDirectory = folder.File(".render-cache") });
        }).BuildServiceProvider();
        Uri queueUrl;
        await using (services)
        {
            var result = await services.GetRequiredService<VideoPipeline>().RunAsync(new VideoStageRequest
                { ImagePath = image, Prompt = "walks towards the camera", Models = ["veo3", "kling"] });

            result.Failed.ShouldBeEmpty();
            result.Succeeded.Select(v => v.ModelKey).Order().ShouldBe(["kling", "veo3"]);
            result.Succeeded.ShouldAllBe(v => v.Response!.Emulated && File.Exists(v.Video!.FullPath));
            var fal = services.GetRequiredService<IOptions<FalOptions>>().Value;
            fal.Key.ShouldBeNull();
            queueUrl = fal.QueueUrl;
            queueUrl.IsLoopback.ShouldBeTrue();
        }
        // Disposing the services stopped the emulator.
        using var http = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri(queueUrl, "/_emulator/stats")));
    }
}
