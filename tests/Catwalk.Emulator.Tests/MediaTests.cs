using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Emulator.Tests;

public class MediaTests
{
    [Fact]
    public async Task Nano_banana_edit_returns_the_number_of_images_asked_in_the_format_asked()
    {
        await using var e = await EmulatorClient.StartAsync();
        var refs = new JsonArray(await e.UploadAsync(TestImages.Png(seed: 1)), await e.UploadAsync(TestImages.Png(seed: 2)));
        var (_, body) = await e.SubmitAsync("fal-ai/nano-banana/edit", new JsonObject { ["prompt"] = "dress the person", ["image_urls"] = refs, ["num_images"] = 3, ["output_format"] = "jpeg", ["aspect_ratio"] = "9:16" });
        var result = await e.WaitForResultAsync(body);
        var images = result["images"]!.AsArray();
        images.Count.ShouldBe(3);
        foreach (var image in images)
        {
            var bytes = await e.Http.GetByteArrayAsync(image!["url"]!.GetValue<string>());
            ImageSniffer.ContentType(bytes).ShouldBe("image/jpeg");
            using var bitmap = SKBitmap.Decode(bytes);
            ((double)bitmap.Width / bitmap.Height).ShouldBe(9.0 / 16, 0.01);
            (bitmap.Width, bitmap.Height).ShouldBe((image["width"]!.GetValue<int>(), image["height"]!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task A_video_is_the_size_rate_length_and_audio_the_arguments_ask_for()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png(400, 600));
        var (_, body) = await e.SubmitAsync("fal-ai/veo3/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = "4s", ["aspect_ratio"] = "16:9", ["generate_audio"] = false });
        var result = await e.WaitForResultAsync(body);
        var probe = await Ffprobe.ProbeAsync(await e.DownloadAsync(result["video"]!["url"]!.GetValue<string>(), "v.mp4"));
        probe.ShouldBe(new Ffprobe("h264", 1280, 720, 24, probe.DurationSeconds, HasAudio: false));
        probe.DurationSeconds.ShouldBe(4, 0.1);
        result["video"]!["num_frames"]!.GetValue<int>().ShouldBe(96);
    }

    [Fact]
    public async Task Media_supports_range_requests_for_seeking()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var result = await e.WaitForResultAsync((await e.SubmitAsync("fal-ai/hunyuan-video-v1.5/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["num_frames"] = 25 })).Body);
        using var request = new HttpRequestMessage(HttpMethod.Get, result["video"]!["url"]!.GetValue<string>());
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var response = await e.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe(100);
    }

    [Fact]
    public async Task A_repeated_job_reuses_its_render()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var input = new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 2 };
        var first = await e.WaitForResultAsync((await e.SubmitAsync("xai/grok-imagine-video/image-to-video", input)).Body);
        var second = await e.WaitForResultAsync((await e.SubmitAsync("xai/grok-imagine-video/image-to-video", input.DeepClone().AsObject())).Body);
        var stats = e.Emulator.GetStats();
        (stats.Renders, stats.RenderCacheHits).ShouldBe((1, 1));
        second["video"]!["file_size"]!.GetValue<long>().ShouldBe(first["video"]!["file_size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Luma_without_its_optional_image_animates_from_the_prompt_instead_of_failing()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, body) = await e.SubmitAsync("fal-ai/luma-dream-machine/ray-2/image-to-video", new JsonObject { ["prompt"] = "a runway at dusk" });
        status.ShouldBe(200);
        var result = await e.WaitForResultAsync(body); // a failed job would answer its error status here
        var probe = await Ffprobe.ProbeAsync(await e.DownloadAsync(result["video"]!["url"]!.GetValue<string>(), "luma.mp4"));
        (probe.Width, probe.Height).ShouldBe((960, 540)); // Luma's defaults: 540p at 16:9
        probe.DurationSeconds.ShouldBe(5, 0.1);
    }

    [Fact]
    public async Task An_absent_argument_takes_the_schema_default_so_hunyuan_renders_its_121_frames()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var result = await e.WaitForResultAsync((await e.SubmitAsync("fal-ai/hunyuan-video-v1.5/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image })).Body);
        result["video"]!["num_frames"]!.GetValue<int>().ShouldBe(121);
        var probe = await Ffprobe.ProbeAsync(await e.DownloadAsync(result["video"]!["url"]!.GetValue<string>(), "h.mp4"));
        probe.DurationSeconds.ShouldBe(121 / 24.0, 0.05);
    }

    [Fact]
    public async Task Head_on_a_file_gives_its_type_and_size_without_the_bytes()
    {
        await using var e = await EmulatorClient.StartAsync();
        var png = TestImages.Png();
        var url = await e.UploadAsync(png);
        using var head = await e.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(png.Length);
        head.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        e.Emulator.GetStats().MediaDownloads.ShouldBe(0);
        using var missing = await e.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, e.Url("files/nope/x.png")));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
