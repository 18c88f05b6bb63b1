using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>How one model's job ended: its saved video and metadata, or why it failed (with the request id when fal had one).</summary>
public sealed record VideoModelOutcome(PlannedVideo Planned, JobOutcomeStatus Status)
{
    public string ModelKey => Planned.Model.Key;
    public string? RequestId { get; init; }
    public VideoGenerationResponse? Response { get; init; }
    public SavedMedia? Video { get; init; }
    public string? MetadataPath { get; init; }
    public VideoMetadata? Metadata { get; init; }
    public string? Error { get; init; }
    /// <summary>The video is a copy of an identical earlier job's (nothing was paid).</summary>
    public bool Cached { get; init; }
    /// <summary>What this job cost: the estimate when it ran; 0 when reused.</summary>
    public decimal CostUsd => Cached ? 0 : Response?.Cost?.Usd ?? Metadata?.EstimatedCostUsd ?? 0;
}
