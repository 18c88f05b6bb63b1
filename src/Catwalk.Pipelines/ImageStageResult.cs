using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>What the image stage produced: the saved images, their metadata sidecar and fal's response.</summary>
public sealed record ImageStageResult(RunStamp Run, ImageGenerationResponse Response, IReadOnlyList<SavedMedia> Images, string MetadataPath, ImageMetadata Metadata);
