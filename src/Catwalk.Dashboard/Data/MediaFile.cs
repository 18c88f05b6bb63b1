namespace Catwalk.Dashboard.Data;

/// <summary>A job's media file, checked to exist, and its content type.</summary>
public sealed record MediaFile(string Path, string ContentType)
{
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
}
