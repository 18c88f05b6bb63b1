namespace Catwalk.Manifests.Reading;

/// <summary>A text value and where it was written, so a later check can still point at it.</summary>
internal sealed record Located(string Text, Spot At);
