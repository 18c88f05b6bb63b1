using Catwalk.Domain;
using System.Globalization;

namespace Catwalk.Runs.Import;

/// <summary>
/// Finds the media a metadata file describes: the path Catwalk recorded (<c>file.path</c>, <c>images[].path</c>,
/// relative to the outputs folder), else the original tool's names beside it: <c>video_&lt;ts&gt;.mp4</c> or
/// <c>img_&lt;ts&gt;_&lt;i&gt;.png</c> (the first image; an image call's other images share its metadata).
/// </summary>
internal static class MediaLocator
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp"];

    /// <summary><paramref name="Found"/> is null when none exists; <paramref name="Expected"/> is then where it was looked for first.</summary>
    public sealed record Lookup(string? Found, string Expected, int ImagesFound);

    public static Lookup Locate(string metadataPath, Sidecar sidecar, StageKind stage, string outputsRoot)
    {
        var folder = Path.GetDirectoryName(metadataPath)!;
        var stamp = Path.GetFileNameWithoutExtension(metadataPath) is var name && name.StartsWith("meta_", StringComparison.Ordinal) ? name[5..] : name;
        var images = stage == StageKind.Image ? ImagesBeside(folder, stamp) : [];
        var candidates = new List<string>();
        if (sidecar.Files.Count > 0)
        {
            var recorded = sidecar.Files[0];
            if (Path.IsPathRooted(recorded)) candidates.Add(recorded);
            else
            {
                // Relative to the outputs folder that was written, which may have been moved or copied since: try its layout root first.
                if (LayoutRoot(folder) is { } root) candidates.Add(Path.GetFullPath(Path.Combine(root, recorded)));
                candidates.Add(Path.GetFullPath(Path.Combine(outputsRoot, recorded)));
            }
            candidates.Add(Path.Combine(folder, Path.GetFileName(recorded)));
        }
        candidates.AddRange(stage == StageKind.Video ? [Path.Combine(folder, $"video_{stamp}.mp4")] : images);
        if (stage == StageKind.Image && images.Count == 0) candidates.Add(Path.Combine(folder, $"img_{stamp}_0.png"));
        return new Lookup(candidates.FirstOrDefault(File.Exists), candidates[0], images.Count);
    }

    /// <summary>Every <c>img_&lt;ts&gt;_&lt;i&gt;</c> image beside the metadata, in index order (so 10 comes after 9).</summary>
    private static List<string> ImagesBeside(string folder, string stamp) =>
        [.. Directory.EnumerateFiles(folder, $"img_{stamp}_*")
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => (Path: f, Index: int.TryParse(Path.GetFileNameWithoutExtension(f)[(stamp.Length + 5)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
            .Where(f => f.Index != int.MaxValue)
            .OrderBy(f => f.Index)
            .Select(f => f.Path)];

    /// <summary>For <c>…/outputs/videos/2025_01_15/veo3</c>, <c>…/outputs</c>; null when the folder is not in that layout.</summary>
    public static string? LayoutRoot(string folder) =>
        Stages.FromLayout(folder) is not null ? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(folder))) : null;
}
