using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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
    /// <remarks>Always written: <see cref="ModelKind.ImageEdit"/> is the enum's default, which entries written without defaults (CatalogEntries) would otherwise drop, leaving a required field out.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
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
    /// <summary>Image models with <see cref="InputMapping.ImageSize"/>: the preset sent for each aspect ratio (<c>9:16</c> → <c>portrait_16_9</c>).</summary>
    public IReadOnlyDictionary<string, string> ImageSizePresets { get; init; } = new Dictionary<string, string>();
    /// <summary>Multi-image edit models: how many references one call takes.</summary>
    public ReferenceImagesSpec? ReferenceImages { get; init; }
    /// <summary>Virtual try-on models: the person and garment fields, garments per call and the kinds of garment.</summary>
    public TryOnSpec? TryOn { get; init; }
    /// <summary>
    /// Whether the prompt can ask for a camera angle (front, back, three-quarter…) and the model will shoot it. Not given:
    /// an image-edit or text-to-image model with a prompt can; a try-on model keeps the person's pose and cannot.
    /// </summary>
    public bool? AngleInstruction { get; init; }
    /// <summary>Where this entry's facts were read (fal's model page, its llms.txt, its OpenAPI) and what is an estimate.</summary>
    public string? Source { get; init; }

    public bool IsTryOn => TryOn is not null;

    /// <summary>Whether a planner may put an angle instruction in this model's prompt (<see cref="AngleInstruction"/> or its default).</summary>
    public bool CanTakeAngleInstruction => AngleInstruction ?? (!IsVideo && !IsTryOn && Inputs.Prompt is not null);

    /// <summary>The most reference images one call takes: a try-on model's person plus its garments, else <see cref="ReferenceImages"/>; null when not stated.</summary>
    public int? MaxReferenceImages => TryOn is { } t ? 1 + t.GarmentsPerCall : ReferenceImages?.Max;

    public bool IsVideo => Kind == ModelKind.ImageToVideo;

    /// <summary>The <c>owner/app</c> part of the endpoint id: fal's status, result and cancel URLs use only this.</summary>
    public string OwnerApp => EndpointIds.OwnerApp(EndpointId);

    public SchemaField? Field(string name) => Schema.FirstOrDefault(f => f.Name == name);
}
