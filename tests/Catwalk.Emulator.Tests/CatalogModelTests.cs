using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Emulator.Tests;

/// <summary>
/// Every model in the catalog, end to end over HTTP with a minimal valid input: the clip ffprobe sees must be what the
/// model's published facts promise (codec, short side, aspect, rate, length, audio), and the result JSON must agree.
/// </summary>
public class CatalogModelTests
{
    // A portrait reference, so models that follow the image ("auto" or no aspect field) visibly differ from 16:9 ones.
    private const int ImageWidth = 256, ImageHeight = 384;

    public static TheoryData<string> VideoModels() => [.. ModelCatalog.BuiltIn.Models.Where(m => m.Output.IsVideo).Select(m => m.Key)];

    [Theory]
    [MemberData(nameof(VideoModels))]
    public async Task Each_video_model_renders_the_clip_its_published_facts_describe(string key)
    {
        var model = ModelCatalog.BuiltIn.Models.Single(m => m.Key == key);
        await using var e = await EmulatorClient.StartAsync();
        var shortest = model.Duration!.AllowedValues()[0];
        var input = new JsonObject
        {
            [model.Inputs.Prompt!] = "a model walks towards the camera",
            [model.Inputs.Image!] = await e.UploadAsync(TestImages.Png(ImageWidth, ImageHeight)),
            [model.Duration.Field] = model.Duration.ToArgument(shortest),
        };

        var (status, submitted) = await e.SubmitAsync(model.EndpointId, input);
        status.ShouldBe(200, submitted.ToJsonString());
        using (var first = await e.Http.GetAsync(submitted["status_url"]!.GetValue<string>()))
        {
            // 202 while it renders; a small clip can already be done on a quiet machine, and then it is 200 and COMPLETED.
            first.StatusCode.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.OK);
            if (first.StatusCode == HttpStatusCode.OK) (await first.Content.ReadAsStringAsync()).ShouldContain("COMPLETED");
        }
        var result = await e.WaitForResultAsync(submitted);
        using (var done = await e.Http.GetAsync(submitted["status_url"]!.GetValue<string>()))
            done.StatusCode.ShouldBe(HttpStatusCode.OK);

        var video = result["video"]!.AsObject();
        var probe = await Ffprobe.ProbeAsync(await e.DownloadAsync(video["url"]!.GetValue<string>(), $"{key}.mp4"));
        probe.VideoCodec.ShouldBe("h264");
        Math.Min(probe.Width, probe.Height).ShouldBe(ShortSide(model.DefaultResolution ?? model.Output.Resolution!));
        ((double)probe.Width / probe.Height).ShouldBe(ExpectedAspect(model), 0.02);
        probe.Fps.ShouldBe(model.Output.Fps!.Value, 0.01);
        probe.DurationSeconds.ShouldBe(ExpectedSeconds(model, input[model.Duration.Field]!), 0.1);
        probe.HasAudio.ShouldBe(model.Audio.Generates && (model.Audio.Default || model.Inputs.Audio is null));

        (video["width"]!.GetValue<int>(), video["height"]!.GetValue<int>()).ShouldBe((probe.Width, probe.Height));
        video["fps"]!.GetValue<double>().ShouldBe(probe.Fps, 0.01);
        video["duration"]!.GetValue<double>().ShouldBe(probe.DurationSeconds, 0.1);
        video["content_type"]!.GetValue<string>().ShouldBe("video/mp4");
        video["file_size"]!.GetValue<long>().ShouldBe(new FileInfo(e.Dir.File($"{key}.mp4")).Length);
        result.ContainsKey("seed").ShouldBe(model.Output.IncludesSeed);
    }

    [Fact]
    public async Task A_text_to_image_model_returns_the_asked_number_of_distinct_pngs_at_its_native_size()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, submitted) = await e.SubmitAsync("fal-ai/nano-banana", new JsonObject { ["prompt"] = "a red coat on a runway", ["num_images"] = 2 });
        var images = (await e.WaitForResultAsync(submitted))["images"]!.AsArray();
        images.Count.ShouldBe(2);
        var downloads = new List<byte[]>();
        foreach (var image in images)
        {
            var bytes = await e.Http.GetByteArrayAsync(image!["url"]!.GetValue<string>());
            ImageSniffer.ContentType(bytes).ShouldBe("image/png");
            using var bitmap = SKBitmap.Decode(bytes);
            (bitmap.Width, bitmap.Height).ShouldBe((1024, 1024)); // fal's nano-banana default 1:1 output
            image["file_size"]!.GetValue<long>().ShouldBe(bytes.Length);
            downloads.Add(bytes);
        }
        downloads[0].SequenceEqual(downloads[1]).ShouldBeFalse();
    }

    [Fact]
    public async Task An_edit_without_an_aspect_ratio_uses_the_schema_default_auto_and_follows_the_first_reference()
    {
        await using var e = await EmulatorClient.StartAsync();
        var landscape = await e.UploadAsync(TestImages.Png(600, 300));
        var (_, submitted) = await e.SubmitAsync("fal-ai/nano-banana/edit", new JsonObject { ["prompt"] = "dress the person", ["image_urls"] = new JsonArray(landscape) });
        var image = (await e.WaitForResultAsync(submitted))["images"]![0]!;
        using var bitmap = SKBitmap.Decode(await e.Http.GetByteArrayAsync(image["url"]!.GetValue<string>()));
        ((double)bitmap.Width / bitmap.Height).ShouldBe(2.0, 0.02);
    }

    private static int ShortSide(string resolution) => int.Parse(resolution.TrimEnd('p'), CultureInfo.InvariantCulture);

    /// <summary>The default aspect when it is a ratio; "auto" or no aspect field means the reference's own shape.</summary>
    private static double ExpectedAspect(ModelDescriptor model) =>
        model.DefaultAspectRatio is { } aspect && aspect.Split(':') is [var w, var h]
            ? double.Parse(w, CultureInfo.InvariantCulture) / double.Parse(h, CultureInfo.InvariantCulture)
            : (double)ImageWidth / ImageHeight;

    /// <summary>Seconds from the argument as the model reads it: a number of seconds, "5", "5s", or a frame count.</summary>
    private static double ExpectedSeconds(ModelDescriptor model, JsonNode argument)
    {
        var number = double.Parse(argument.ToString().TrimEnd('s'), CultureInfo.InvariantCulture);
        return model.Duration!.Format == DurationFormat.Frames ? number / model.Output.Fps!.Value : number;
    }
}
