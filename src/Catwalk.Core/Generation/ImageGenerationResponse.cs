using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>The images one call produced, with the request id, arguments, timings and cost.</summary>
public sealed record ImageGenerationResponse : IGenerationResponse
{
    public required string ModelKey { get; init; }
    public required string EndpointId { get; init; }
    public required string RequestId { get; init; }
    public required IReadOnlyList<GeneratedMedia> Images { get; init; }
    public string? Description { get; init; }
    public required JsonObject Arguments { get; init; }
    public required JsonElement RawResponse { get; init; }
    public long? Seed { get; init; }
    public required GenerationTimings Timings { get; init; }
    public CostEstimate? Cost { get; init; }
    public bool Emulated { get; init; }
}
