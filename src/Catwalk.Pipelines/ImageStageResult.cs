using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>
/// What the image stage produced: the saved images, their metadata sidecar and fal's response (null when the images
/// were saved by an earlier attempt of the run or copied from the cache).
/// </summary>
public sealed record ImageStageResult(RunStamp Run, ImageGenerationResponse? Response, IReadOnlyList<SavedMedia> Images, string MetadataPath, ImageMetadata Metadata)
{
    /// <summary>Copied from an identical earlier job: nothing was paid.</summary>
    public bool Cached { get; init; }
}
