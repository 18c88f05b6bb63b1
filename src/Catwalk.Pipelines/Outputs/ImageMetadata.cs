using System.Text.Json.Nodes;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The sidecar of one image-stage call (all its images). Original fields first, then Catwalk's.</summary>
public sealed record ImageMetadata
{
    public required string Prompt { get; init; }
    public required string Model { get; init; }
    public long? Seed { get; init; }
    public required IReadOnlyList<string> ReferenceImages { get; init; }
    public required double LatencySec { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required JsonNode? RawResponse { get; init; }

    public required string RunId { get; init; }
    public required string RequestId { get; init; }
    public required string Endpoint { get; init; }
    public required string ModelName { get; init; }
    public required JsonNode Arguments { get; init; }
    public required int NumImages { get; init; }
    public required LatencyBreakdown Latency { get; init; }
    public decimal? EstimatedCostUsd { get; init; }
    public string? CostBasis { get; init; }
    public bool? CostVerified { get; init; }
    public required IReadOnlyList<MediaFileInfo> Images { get; init; }
    public string? Description { get; init; }
    public required bool Emulated { get; init; }
    public LookInfo? Look { get; init; }
    /// <summary>Set when these images are a copy of an identical earlier job's result: that job's request id. Nothing was paid.</summary>
    public string? CachedFrom { get; init; }
    public string CatwalkVersion { get; init; } = CatwalkVersionInfo.Version;
}
