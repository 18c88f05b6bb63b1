using System.Text.Json;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>Reads fal's file objects (<c>{"url","content_type","file_name","file_size","width","height"}</c>) from a result.</summary>
public static class FalResultReader
{
    public static GeneratedMedia Video(JsonElement data, string endpointId) =>
        data.TryGetProperty("video", out var video) && video.ValueKind == JsonValueKind.Object
            ? File(video, endpointId)
            : throw new FalResultShapeException(endpointId, "has no \"video\" object");

    /// <summary>The result's <c>{"images": [File]}</c>, or its one <c>{"image": File}</c> (Kling's Kolors try-on returns that shape).</summary>
    public static IReadOnlyList<GeneratedMedia> Images(JsonElement data, string endpointId) =>
        data.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array && images.GetArrayLength() > 0
            ? [.. images.EnumerateArray().Select(i => File(i, endpointId))]
            : data.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.Object
                ? [File(image, endpointId)]
                : throw new FalResultShapeException(endpointId, "has no \"images\"");

    /// <summary>The first image's URL in a stored result (<c>{"images":[{"url"…}]}</c> or <c>{"image":{"url"…}}</c>); null when it has none.</summary>
    public static Uri? FirstImageUrl(string resultJson)
    {
        try
        {
            using var document = JsonDocument.Parse(resultJson);
            return Images(document.RootElement, "stored result")[0].Url;
        }
        catch (Exception e) when (e is JsonException or FalResultShapeException)
        {
            return null; // not fal's usual shape: the image is uploaded instead
        }
    }

    public static long? Seed(JsonElement data) =>
        data.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value) ? value : null;

    public static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static GeneratedMedia File(JsonElement file, string endpointId)
    {
        var url = Text(file, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new FalResultShapeException(endpointId, "has a file without a valid \"url\"");
        return new GeneratedMedia(uri, Text(file, "content_type"), Text(file, "file_name"), Int(file, "file_size"), (int?)Int(file, "width"), (int?)Int(file, "height"));
    }

    private static long? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
