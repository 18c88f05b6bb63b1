using System.Text.Json.Serialization;

namespace Catwalk.Catalog;

/// <summary>What a model returns: the media key in its result and, for rendering and cost, its frame rate and native size.</summary>
public sealed record OutputSpec
{
    /// <summary><c>video</c> (result has <c>{"video": File}</c>) or <c>images</c> (result has <c>{"images": [File]}</c>).</summary>
    /// <remarks>Always written: <see cref="OutputMedia.Video"/> is the enum's default, which entries written without defaults (CatalogEntries) would otherwise drop, leaving a required field out.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required OutputMedia Media { get; init; }
    public int? Fps { get; init; }
    /// <summary>The output resolution when the model has no resolution input (e.g. <c>1080p</c>).</summary>
    public string? Resolution { get; init; }
    /// <summary>Image models: the pixel size of an output image.</summary>
    public int? Width { get; init; }
    public int? Height { get; init; }
    /// <summary>Image models: fal scales a smaller asked size up to this many pixels, keeping its aspect (Seedream: 921600).</summary>
    public int? MinimumPixels { get; init; }
    /// <summary>Whether the result carries the <c>seed</c> it used.</summary>
    public bool IncludesSeed { get; init; }

    public bool IsVideo => Media == OutputMedia.Video;
}
