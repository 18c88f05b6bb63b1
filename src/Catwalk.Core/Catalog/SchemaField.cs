using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>One input field of a model as fal publishes it: type, whether required, enum and limits.</summary>
public sealed record SchemaField
{
    public required string Name { get; init; }
    /// <summary><c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c> or <c>string[]</c>.</summary>
    public required string Type { get; init; }
    public bool Required { get; init; }
    public JsonNode? Default { get; init; }
    public IReadOnlyList<JsonNode?>? Enum { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    /// <summary>fal changed this field from a string enum to integers; both forms are accepted.</summary>
    public bool AcceptsNumericString { get; init; }
    /// <summary><c>media-url</c>: a URL or data URI that fal downloads.</summary>
    public string? Format { get; init; }
}
