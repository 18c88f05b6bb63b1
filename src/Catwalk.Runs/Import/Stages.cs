using Catwalk.Domain;
using Catwalk.Catalog;

namespace Catwalk.Runs.Import;

/// <summary>Which stage a metadata file belongs to: from where it lies (<c>images/</c> or <c>videos/</c>), else from what it says.</summary>
internal static class Stages
{
    public static StageKind? Of(string metadataPath, Sidecar sidecar, ModelDescriptor? model) =>
        FromLayout(Path.GetDirectoryName(metadataPath)!) ?? FromFields(sidecar) ?? model switch
        {
            null => null,
            { IsVideo: true } => StageKind.Video,
            _ => StageKind.Image,
        };

    /// <summary><c>videos/YYYY_MM_DD/&lt;model&gt;</c> → video, <c>images/YYYY_MM_DD/&lt;model&gt;</c> → image.</summary>
    public static StageKind? FromLayout(string folder) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(folder))) switch
        {
            "videos" => StageKind.Video,
            "images" => StageKind.Image,
            _ => null,
        };

    private static StageKind? FromFields(Sidecar s) =>
        s.DurationSec is not null || s.ReferenceImage is not null || s.ResponseHasVideo ? StageKind.Video
        : s.ReferenceImages.Count > 0 || s.ResponseImages > 0 ? StageKind.Image
        : null;
}
