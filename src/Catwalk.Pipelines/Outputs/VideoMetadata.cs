using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Pipelines.Outputs;

/// <summary>
/// The sidecar of one video. The first fields are the original tool's (prompt, model, seed, duration_sec,
/// reference_image, latency_sec, timestamp, raw_response); the rest is what Catwalk adds.
/// </summary>
public sealed record VideoMetadata
{
    public required string Prompt { get; init; }
    public required string Model { get; init; }
    public long? Seed { get; init; }
    public required double DurationSec { get; init; }
    public required string ReferenceImage { get; init; }
    public required double LatencySec { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required JsonNode? RawResponse { get; init; }

    public required string RunId { get; init; }
    public required string RequestId { get; init; }
    public required string Endpoint { get; init; }
    public required string ModelName { get; init; }
    public int? RequestedDurationSec { get; init; }
    public IReadOnlyList<string> Adjustments { get; init; } = [];
    public required JsonNode Arguments { get; init; }
    public string? Resolution { get; init; }
    public string? AspectRatio { get; init; }
    public bool Audio { get; init; }
    public int Fps { get; init; }
    public required LatencyBreakdown Latency { get; init; }
    public decimal? EstimatedCostUsd { get; init; }
    public string? CostBasis { get; init; }
    public bool? CostVerified { get; init; }
    public required MediaFileInfo File { get; init; }
    public required bool Emulated { get; init; }
    public LookInfo? Look { get; init; }
    public JsonElement? SourceImage { get; init; }
    /// <summary>Set when this video is a copy of an identical earlier job's result: that job's request id. Nothing was paid.</summary>
    public string? CachedFrom { get; init; }
    public string CatwalkVersion { get; init; } = CatwalkVersionInfo.Version;
}
