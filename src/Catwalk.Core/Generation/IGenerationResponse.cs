using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>What every generation's answer has, whatever its media: the request, what was sent, what fal said, how long, what cost.</summary>
public interface IGenerationResponse
{
    string RequestId { get; }
    /// <summary>The exact input sent to fal.</summary>
    JsonObject Arguments { get; }
    JsonElement RawResponse { get; }
    GenerationTimings Timings { get; }
    CostEstimate? Cost { get; }
}
