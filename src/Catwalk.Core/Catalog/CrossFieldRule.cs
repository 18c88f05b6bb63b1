using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>A published constraint between fields, e.g. LTX-2 takes durations over 10 s only at fps 25 and 1080p.</summary>
public sealed record CrossFieldRule
{
    public required RuleCondition When { get; init; }
    public required IReadOnlyDictionary<string, JsonNode?> Require { get; init; }
    public required string Message { get; init; }
}
