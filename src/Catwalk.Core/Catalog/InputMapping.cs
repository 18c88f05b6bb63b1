using System.Text.Json.Serialization;

namespace Catwalk.Catalog;

/// <summary>
/// Which of the model's input fields carries each generic setting. A setting whose field is null
/// is one the model does not take (it is left out of the request and noted in the result).
/// </summary>
public sealed record InputMapping
{
    /// <summary>The prompt field; null for a model that takes none (a try-on model: person and garment pictures only).</summary>
    /// <remarks>Always written: null is not the default, so an entry written without defaults (CatalogEntries) keeps it.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Prompt { get; init; } = "prompt";
    public string? Image { get; init; }
    public string? Images { get; init; }
    public string? NegativePrompt { get; init; }
    public string? Seed { get; init; }
    public string? Resolution { get; init; }
    public string? AspectRatio { get; init; }
    /// <summary>fal's <c>image_size</c> presets (<c>portrait_16_9</c>…): an asked aspect ratio is sent as <see cref="ModelDescriptor.ImageSizePresets"/> names it.</summary>
    public string? ImageSize { get; init; }
    public string? Audio { get; init; }
    public string? Fps { get; init; }
    public string? Count { get; init; }
    public string? OutputFormat { get; init; }
}
