namespace Catwalk.Catalog;

/// <summary>How many reference images one call of a multi-image edit model takes (its <c>inputs.images</c> list).</summary>
public sealed record ReferenceImagesSpec
{
    /// <summary>The most images fal accepts (or uses: Seedream keeps only the last 10) in one call.</summary>
    public int Max { get; init; }
    /// <summary>Where the number comes from when fal's schema sets no <c>maxItems</c>.</summary>
    public string? Note { get; init; }
}
