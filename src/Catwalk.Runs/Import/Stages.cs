using Catwalk.Catalog;

namespace Catwalk.Runs.Import;

/// <summary>Which stage a metadata file belongs to: from where it lies (<c>images/</c> or <c>videos/</c>), else from what it says.</summary>
internal static class Stages
{
    public const string Image = "image";
    public const string Video = "video";

    public static string? Of(string metadataPath, Sidecar sidecar, ModelDescriptor? model) =>
        FromLayout(Path.GetDirectoryName(metadataPath)!) ?? FromFields(sidecar) ?? model switch
        {
            null => null,
            { IsVideo: true } => Video,
            _ => Image,
        };

    /// <summary><c>videos/YYYY_MM_DD/&lt;model&gt;</c> → video, <c>images/YYYY_MM_DD/&lt;model&gt;</c> → image.</summary>
    public static string? FromLayout(string folder) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(folder))) switch
        {
            "videos" => Video,
            "images" => Image,
            _ => null,
        };

    private static string? FromFields(Sidecar s) =>
        s.DurationSec is not null || s.ReferenceImage is not null || s.ResponseHasVideo ? Video
        : s.ReferenceImages.Count > 0 || s.ResponseImages > 0 ? Image
        : null;
}
