using System.Text.Json.Nodes;

namespace Catwalk.Fal.Platform;

/// <summary>One endpoint from <c>GET /v1/models</c>: its id, registry metadata (may be absent) and, when expanded, its queue OpenAPI document.</summary>
public sealed record FalModel(string EndpointId, FalModelMetadata? Metadata, JsonObject? OpenApi);
