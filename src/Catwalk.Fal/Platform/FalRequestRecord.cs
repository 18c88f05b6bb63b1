using System.Text.Json.Nodes;

namespace Catwalk.Fal.Platform;

/// <summary>
/// One request in fal's history of an endpoint. End, status and duration are null while it runs; the payloads are there
/// only when asked for and when fal kept them.
/// </summary>
public sealed record FalRequestRecord(string RequestId, string EndpointId, DateTimeOffset SentAt, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    int? StatusCode, double? DurationSeconds, JsonNode? Input, JsonNode? Output);
