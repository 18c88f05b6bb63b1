using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Storage;
using SkiaSharp;

namespace Catwalk.Emulator.Validation;

/// <summary>
/// Fetches the images an input points at, as fal does before running a model: data URIs are decoded, the
/// emulator's own file URLs are read; any other URL cannot be reached offline (fal's <c>file_download_error</c>).
/// Bytes that are not an image give <c>image_load_error</c>.
/// </summary>
internal sealed class MediaResolver(FileStore files)
{
    public (IReadOnlyDictionary<string, IReadOnlyList<byte[]>> Media, IReadOnlyList<InputProblem> Problems) Resolve(ModelDescriptor model, JsonObject input)
    {
        var media = new Dictionary<string, IReadOnlyList<byte[]>>();
        var problems = new List<InputProblem>();
        foreach (var field in model.Schema.Where(f => f.Format == "media-url"))
        {
            var values = input[field.Name] switch
            {
                JsonArray array => array.Select(v => v?.GetValue<string>()).ToList(),
                JsonValue v => [v.GetValue<string>()],
                _ => [],
            };
            var fetched = new List<byte[]>();
            foreach (var url in values.OfType<string>())
            {
                var bytes = Fetch(url);
                if (bytes is null)
                {
                    problems.Add(new(field.Name, $"Failed to download the file. Please check if the URL is accessible: {Shorten(url)}", "file_download_error", JsonValue.Create(Shorten(url))));
                    break;
                }
                using var codec = SKCodec.Create(new SKMemoryStream(bytes));
                if (codec is null)
                {
                    problems.Add(new(field.Name, "Failed to load the image. Please ensure the image file is not corrupted and is in a supported format.", "image_load_error", JsonValue.Create(Shorten(url))));
                    break;
                }
                fetched.Add(bytes);
            }
            media[field.Name] = fetched;
        }
        return (media, problems);
    }

    private byte[]? Fetch(string url)
    {
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',');
            if (comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
            try { return Convert.FromBase64String(url[(comma + 1)..]); }
            catch (FormatException) { return null; }
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        return files.FromUrl(uri) is { } file && File.Exists(file.Path) ? File.ReadAllBytes(file.Path) : null;
    }

    private static string Shorten(string url) => url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && url.Length > 64 ? url[..40] + "…" : url;
}
