using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>One endpoint in the catalog: everything Catwalk and its emulator need to call, price and imitate it.</summary>
public sealed record ModelDescriptor
{
    /// <summary>Short key users type: <c>veo3</c>, <c>kling</c>, <c>nano-banana-edit</c>.</summary>
    public required string Key { get; init; }
    /// <summary>fal endpoint id, <c>owner/app[/path]</c>.</summary>
    public required string EndpointId { get; init; }
    public required string DisplayName { get; init; }
    public string? Vendor { get; init; }
    public required ModelKind Kind { get; init; }
    public InputMapping Inputs { get; init; } = new();
    public DurationSpec? Duration { get; init; }
    public IReadOnlyList<string> Resolutions { get; init; } = [];
    public string? DefaultResolution { get; init; }
    public IReadOnlyList<string> AspectRatios { get; init; } = [];
    public string? DefaultAspectRatio { get; init; }
    public AudioSpec Audio { get; init; } = new();
    /// <summary>Arguments always sent to this model, whatever was asked.</summary>
    public IReadOnlyDictionary<string, JsonNode?> FixedArguments { get; init; } = new Dictionary<string, JsonNode?>();
    public required OutputSpec Output { get; init; }
    public required PriceSpec Price { get; init; }
    public LatencyProfile Latency { get; init; } = new();
    public IReadOnlyList<CrossFieldRule> Rules { get; init; } = [];
    public IReadOnlyList<SchemaField> Schema { get; init; } = [];

    public bool IsVideo => Kind == ModelKind.ImageToVideo;

    /// <summary>The <c>owner/app</c> part of the endpoint id: fal's status, result and cancel URLs use only this.</summary>
    public string OwnerApp => EndpointIds.OwnerApp(EndpointId);

    public SchemaField? Field(string name) => Schema.FirstOrDefault(f => f.Name == name);
}
