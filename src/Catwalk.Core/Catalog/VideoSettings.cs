namespace Catwalk.Catalog;

/// <summary>Model-independent video settings; each model gets the nearest it supports (see <see cref="VideoRequestFitter"/>).</summary>
public sealed record VideoSettings
{
    public int? DurationSeconds { get; init; }
    public string? Resolution { get; init; }
    public string? AspectRatio { get; init; }
    public bool? Audio { get; init; }
    public long? Seed { get; init; }
    public string? NegativePrompt { get; init; }
}
