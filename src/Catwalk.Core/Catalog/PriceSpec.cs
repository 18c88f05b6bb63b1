namespace Catwalk.Catalog;

/// <summary>A model's published price in the form fal bills it.</summary>
public sealed record PriceSpec
{
    public PriceBasis Basis { get; init; }
    public decimal? Usd { get; init; }
    public decimal? UsdWithAudio { get; init; }
    public IReadOnlyDictionary<string, decimal> ByResolution { get; init; } = new Dictionary<string, decimal>();
    public int? ClipSeconds { get; init; }
    public IReadOnlyDictionary<string, decimal> DurationMultipliers { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> ResolutionMultipliers { get; init; } = new Dictionary<string, decimal>();
    public decimal? UsdPerMillionTokens { get; init; }
    public decimal? UsdPerMillionTokensWithAudio { get; init; }
    public int? TokenFps { get; init; }
    /// <summary>False when fal does not publish this price and the figure comes from elsewhere.</summary>
    public bool Verified { get; init; }
    public string? Note { get; init; }
}
