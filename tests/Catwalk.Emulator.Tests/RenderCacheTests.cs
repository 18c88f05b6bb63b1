using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class RenderCacheTests
{
    private static JsonObject ShortClip(string image) => new() { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" };

    [Fact]
    public async Task Identical_jobs_submitted_together_encode_once_and_the_others_count_as_hits()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var submitted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => e.SubmitAsync("xai/grok-imagine-video/image-to-video", ShortClip(image))));
        var results = await Task.WhenAll(submitted.Select(s => e.WaitForResultAsync(s.Body)));
        results.Select(r => r["video"]!["url"]!.GetValue<string>()).Distinct().Count().ShouldBe(4); // each job its own URL
        var stats = e.Emulator.GetStats();
        (stats.Renders, stats.RenderCacheHits).ShouldBe((1, 3));
    }

    [Fact]
    public async Task A_second_emulator_on_the_same_cache_reuses_the_render_even_from_another_upload_url()
    {
        using var shared = new TempDirectory("catwalk-cache-");
        foreach (var run in new[] { 1, 2 })
        {
            await using var e = await EmulatorClient.StartAsync(cacheDirectory: shared.Path);
            var image = await e.UploadAsync(TestImages.Png()); // same bytes, a new URL each run
            await e.WaitForResultAsync((await e.SubmitAsync("xai/grok-imagine-video/image-to-video", ShortClip(image))).Body);
            var stats = e.Emulator.GetStats();
            (stats.Renders, stats.RenderCacheHits).ShouldBe(run == 1 ? (1, 0) : (0, 1));
        }
    }

    [Fact]
    public async Task A_different_input_image_is_a_different_render()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.WaitForResultAsync((await e.SubmitAsync("xai/grok-imagine-video/image-to-video", ShortClip(await e.UploadAsync(TestImages.Png(seed: 1))))).Body);
        await e.WaitForResultAsync((await e.SubmitAsync("xai/grok-imagine-video/image-to-video", ShortClip(await e.UploadAsync(TestImages.Png(seed: 2))))).Body);
        e.Emulator.GetStats().Renders.ShouldBe(2);
    }

    [Fact]
    public async Task Sync_mode_returns_the_image_inline_as_a_data_uri()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, job) = await e.SubmitAsync("fal-ai/nano-banana", new JsonObject { ["prompt"] = "a red coat", ["sync_mode"] = true });
        var url = (await e.WaitForResultAsync(job))["images"]![0]!["url"]!.GetValue<string>();
        url.ShouldStartWith("data:image/png;base64,");
        ImageSniffer.ContentType(Convert.FromBase64String(url["data:image/png;base64,".Length..])).ShouldBe("image/png");
    }
}
