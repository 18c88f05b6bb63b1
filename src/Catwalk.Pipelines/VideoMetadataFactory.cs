using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>Builds a video's metadata sidecar from what was asked, sent, returned and saved.</summary>
internal static class VideoMetadataFactory
{
    public static VideoMetadata Create(ModelDescriptor model, VideoStageRequest request, VideoGenerationResponse response, RunStamp run, ReferenceImage image, SavedMedia saved, TimeSpan download) => new()
    {
        Prompt = request.Prompt,
        Model = model.Key,
        ModelName = model.DisplayName,
        Endpoint = model.EndpointId,
        Seed = response.Seed,
        DurationSec = response.Duration.Seconds,
        RequestedDurationSec = response.Duration.RequestedSeconds,
        Adjustments = response.Adjustments,
        ReferenceImage = image.Path,
        LatencySec = ImageJobStage.Seconds(response.Timings.Total + download),
        Timestamp = run.StartedAt,
        RawResponse = ElidedJson.From(response.RawResponse),
        RunId = run.RunId,
        RequestId = response.RequestId,
        Arguments = ElidedJson.From(response.Arguments),
        Resolution = response.Settings.Resolution,
        AspectRatio = response.Settings.AspectRatio,
        Audio = response.Settings.Audio,
        Fps = response.Settings.Fps,
        Latency = new LatencyBreakdown(ImageJobStage.Seconds(response.Timings.QueueWait), ImageJobStage.Seconds(response.Timings.Inference), ImageJobStage.Seconds(download)),
        EstimatedCostUsd = response.Cost?.Usd,
        CostBasis = response.Cost?.Basis,
        CostVerified = response.Cost?.Verified,
        File = saved.File,
        Emulated = response.Emulated,
        Look = request.Look,
    };
}
