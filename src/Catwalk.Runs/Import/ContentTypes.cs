namespace Catwalk.Runs.Import;

/// <summary>A media file's type from its extension, for files whose metadata does not record one (the original tool's).</summary>
internal static class ContentTypes
{
    public static string? Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };
}
