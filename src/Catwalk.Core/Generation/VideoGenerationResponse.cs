using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>One model's finished video: where it is, what was sent and got, how long it took and what it cost.</summary>
public sealed record VideoGenerationResponse : IGenerationResponse
{
    public required string ModelKey { get; init; }
    public required string EndpointId { get; init; }
    public required string RequestId { get; init; }
    public required GeneratedMedia Video { get; init; }
    /// <summary>The exact input sent to fal.</summary>
    public required JsonObject Arguments { get; init; }
    public required JsonElement RawResponse { get; init; }
    public required ModelSettings Settings { get; init; }
    public required DurationChoice Duration { get; init; }
    public IReadOnlyList<string> Adjustments { get; init; } = [];
    public long? Seed { get; init; }
    public required GenerationTimings Timings { get; init; }
    public CostEstimate? Cost { get; init; }
    public bool Emulated { get; init; }
}
