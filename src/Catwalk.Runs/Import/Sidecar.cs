namespace Catwalk.Runs.Import;

/// <summary>
/// What one metadata file says, in either shape: the original tool's fields, plus Catwalk's when it wrote the
/// file (then <see cref="RunId"/> is set). Anything absent or of the wrong type is null rather than an error,
/// because old files vary.
/// </summary>
internal sealed record Sidecar
{
    public string? Prompt { get; init; }
    /// <summary>A fal endpoint id (<c>fal-ai/veo3/image-to-video</c>) or a model key (<c>veo3</c>).</summary>
    public string? Model { get; init; }
    public string? Endpoint { get; init; }
    public double? DurationSec { get; init; }
    public int? RequestedDurationSec { get; init; }
    /// <summary>Video stage: the one input image.</summary>
    public string? ReferenceImage { get; init; }
    /// <summary>Image stage: every reference image.</summary>
    public IReadOnlyList<string> ReferenceImages { get; init; } = [];
    public double? LatencySec { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    /// <summary>fal's response as JSON text.</summary>
    public string? RawResponse { get; init; }
    /// <summary>How many images fal's response lists (image stage).</summary>
    public int ResponseImages { get; init; }
    /// <summary>Whether fal's response has a <c>video</c>.</summary>
    public bool ResponseHasVideo { get; init; }

    public string? RunId { get; init; }
    public string? RequestId { get; init; }
    /// <summary>Catwalk's copy of an identical earlier job's result: that job's request id (nothing was paid for this one).</summary>
    public string? CachedFrom { get; init; }
    public double? QueueSec { get; init; }
    public double? InferenceSec { get; init; }
    public double? DownloadSec { get; init; }
    public decimal? EstimatedCostUsd { get; init; }
    public decimal? CostUsd { get; init; }
    /// <summary>Catwalk's saved files, relative to the outputs folder: <c>file.path</c> (video) or <c>images[].path</c>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
    public string? FileContentType { get; init; }
    public bool Emulated { get; init; }

    public bool WrittenByCatwalk => RunId is not null;
}
