using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Rendering;
using Catwalk.Emulator.Storage;
using SkiaSharp;

namespace Catwalk.Emulator.Queue;

/// <summary>Produces a job's output in the model's own result shape, from real renders (cached by their inputs).</summary>
internal sealed class ModelSimulator(RenderCache cache, FileStore files)
{
    public Task<JsonObject> RunAsync(EmulatedJob job, CancellationToken cancellationToken) =>
        job.Model.Output.IsVideo ? VideoAsync(job, cancellationToken) : ImagesAsync(job, cancellationToken);

    private async Task<JsonObject> VideoAsync(EmulatedJob job, CancellationToken cancellationToken)
    {
        var model = job.Model;
        var image = job.Media.GetValueOrDefault(model.Inputs.Image!)?.FirstOrDefault();
        var resolution = Text(job, model.Inputs.Resolution) ?? model.DefaultResolution ?? model.Output.Resolution ?? "720p";
        var aspect = Text(job, model.Inputs.AspectRatio) ?? model.DefaultAspectRatio;
        var (width, height) = VideoGeometry.Size(resolution, aspect is null or "auto" ? null : aspect, image is null ? null : AspectOf(image));
        // Some models take the image as optional (Luma): without one they animate from the prompt, so we animate a prompt card.
        image ??= ImageCardRenderer.Render(width, height, [], Text(job, model.Inputs.Prompt) ?? "", model.DisplayName, CardStyle.For(model.EndpointId), 0, 1, SKEncodedImageFormat.Png);
        var fps = JsonNumbers.TryGet(Arg(job, model.Inputs.Fps), out var f) ? (int)f : model.Output.Fps ?? 24;
        var duration = model.Duration!.FromArgument(Arg(job, model.Duration.Field)) ?? model.Duration.Default;
        var audio = model.Audio.Generates && (Arg(job, model.Inputs.Audio) is JsonValue a && a.TryGetValue<bool>(out var on) ? on : model.Audio.Default || model.Inputs.Audio is null);
        var spec = new VideoSpec(width, height, fps, Math.Round(duration, 3), audio, model.DisplayName);

        var key = RenderCache.Key("video", VideoRenderer.Version, model.EndpointId, spec, image);
        var path = await cache.GetOrRenderAsync(key, ".mp4", (temp, ct) => VideoRenderer.RenderAsync(image, spec, temp, ct), cancellationToken);
        var file = files.Publish(path, "output.mp4", "video/mp4");
        var output = new JsonObject
        {
            [OutputMedia.Video.Name()] = new JsonObject
            {
                ["url"] = files.UrlOf(file).ToString(), ["content_type"] = "video/mp4", ["file_name"] = file.Name, ["file_size"] = new FileInfo(path).Length,
                ["width"] = width, ["height"] = height, ["fps"] = fps, ["duration"] = spec.DurationSeconds, ["num_frames"] = (int)Math.Round(spec.DurationSeconds * fps),
            },
        };
        if (model.Output.IncludesSeed) output["seed"] = Seed(job);
        return output;
    }

    private async Task<JsonObject> ImagesAsync(EmulatedJob job, CancellationToken cancellationToken)
    {
        var model = job.Model;
        var tryOn = model.TryOn;
        // A try-on model's references are its person and garment fields; an edit model's, its image list.
        IReadOnlyList<byte[]> references = tryOn is not null
            ? [.. Pictures(job, tryOn.PersonField), .. Pictures(job, tryOn.GarmentField)]
            : model.Inputs.Images is { } field ? Pictures(job, field) : [];
        var count = JsonNumbers.TryGet(Arg(job, model.Inputs.Count), out var n) ? (int)n : 1;
        var format = Text(job, model.Inputs.OutputFormat) ?? "png";
        var (width, height) = ImageSizes.For(model, Text(job, model.Inputs.AspectRatio), Text(job, model.Inputs.Resolution), Text(job, model.Inputs.ImageSize), references);
        var prompt = Text(job, model.Inputs.Prompt) ?? "";
        var category = tryOn is null ? GarmentCategory.Top : CategoryOf(tryOn, Text(job, tryOn.CategoryField));
        var style = CardStyle.For(model.EndpointId);
        var syncMode = model.Field("sync_mode") is not null && Arg(job, "sync_mode") is JsonValue sync && sync.TryGetValue<bool>(out var on) && on;
        var (skFormat, contentType, extension) = format switch
        {
            "jpeg" => (SKEncodedImageFormat.Jpeg, "image/jpeg", ".jpg"),
            "webp" => (SKEncodedImageFormat.Webp, "image/webp", ".webp"),
            _ => (SKEncodedImageFormat.Png, "image/png", ".png"),
        };
        var images = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var key = tryOn is null
                ? RenderCache.Key([.. new object[] { "image", ImageCardRenderer.Version, model.EndpointId, width, height, format, prompt, index, count }, .. references])
                : RenderCache.Key([.. new object[] { "try-on", TryOnRenderer.Version, model.EndpointId, width, height, format, category, index, count }, .. references]);
            var path = await cache.GetOrRenderAsync(key, extension, (temp, ct) => File.WriteAllBytesAsync(temp, tryOn is null
                ? ImageCardRenderer.Render(width, height, references, prompt, model.DisplayName, style, index, count, skFormat)
                : TryOnRenderer.Render(width, height, references[0], references[1], category, model.DisplayName, style, index, count, skFormat), ct), cancellationToken);
            var file = files.Publish(path, $"output_{i}{extension}", contentType);
            images.Add(new JsonObject
            {
                // sync_mode: fal returns the media inline as a data URI instead of a CDN URL.
                ["url"] = syncMode ? $"data:{contentType};base64,{Convert.ToBase64String(await File.ReadAllBytesAsync(path, cancellationToken))}" : files.UrlOf(file).ToString(), ["content_type"] = contentType, ["file_name"] = file.Name,
                ["file_size"] = new FileInfo(path).Length, ["width"] = width, ["height"] = height,
            });
        }
        // Kling's Kolors try-on answers with one {"image": File}; the others with {"images": [File]}.
        var output = model.Output.Media == OutputMedia.Image
            ? new JsonObject { [OutputMedia.Image.Name()] = images[0]!.DeepClone() }
            : new JsonObject { [OutputMedia.Images.Name()] = images, ["description"] = "" };
        if (model.Output.IncludesSeed) output["seed"] = Seed(job);
        return output;
    }

    private static IReadOnlyList<byte[]> Pictures(EmulatedJob job, string field) => job.Media.GetValueOrDefault(field) ?? [];

    /// <summary>The garment kind a try-on input names (fal's word mapped back); "auto" or none: the model's first kind (a top).</summary>
    private static GarmentCategory CategoryOf(TryOnSpec tryOn, string? value) =>
        tryOn.CategoryValues.Where(c => c.Value == value).Select(c => (GarmentCategory?)c.Key).FirstOrDefault() ?? tryOn.Categories.FirstOrDefault();

    /// <summary>Width / height of an image the resolver already decoded once; null if it cannot be read.</summary>
    private static double? AspectOf(byte[] image) => ImageSizes.SizeOf(image) is { } size ? (double)size.Width / size.Height : null;

    /// <summary>The argument as the model sees it: what was sent, else the schema's published default (as pydantic fills it in).</summary>
    private static JsonNode? Arg(EmulatedJob job, string? field) => field is null ? null : job.Input[field] ?? job.Model.Field(field)?.Default;

    private static string? Text(EmulatedJob job, string? field) =>
        Arg(job, field) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long Seed(EmulatedJob job) =>
        JsonNumbers.TryGet(job.Input["seed"], out var s) && s >= 0 ? (long)s : Math.Abs(job.Id.GetHashCode() % 2_000_000_000L);
}
