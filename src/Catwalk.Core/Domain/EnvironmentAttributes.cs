namespace Catwalk.Domain;

/// <summary>Where and how the outfit is shown.</summary>
public sealed record EnvironmentAttributes
{
    /// <summary>e.g. "street wear", "evening gown", "running gear".</summary>
    public string? ApparelType { get; init; }
    /// <summary>e.g. "urban cafe, outdoor".</summary>
    public string? Setting { get; init; }
    /// <summary>e.g. "natural light, shallow depth of field".</summary>
    public string? VisualCues { get; init; }
}
