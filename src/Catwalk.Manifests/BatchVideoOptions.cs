namespace Catwalk.Manifests;

/// <summary>The manifest's <c>video:</c> section; <c>null</c> means the model's default.</summary>
public sealed record BatchVideoOptions
{
    /// <summary>e.g. "720p"; models that lack it get the nearest unless strict.</summary>
    public string? Resolution { get; init; }

    /// <summary>e.g. "9:16" or "auto".</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>false</c> asks models that can switch audio off for silent video.</summary>
    public bool? Audio { get; init; }

    public string? NegativePrompt { get; init; }
}
