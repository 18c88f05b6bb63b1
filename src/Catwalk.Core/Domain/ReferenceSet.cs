namespace Catwalk.Domain;

/// <summary>The references of one look: the person (required), an optional face crop, and any outfit pieces.</summary>
public sealed record ReferenceSet(ReferenceImage Person, ReferenceImage? Face, IReadOnlyList<ReferenceImage> Outfits)
{
    /// <summary>In the order they are sent to the image model; the prompt refers to them by this position.</summary>
    public IReadOnlyList<ReferenceImage> All => [Person, .. Face is null ? Array.Empty<ReferenceImage>() : [Face], .. Outfits];
}
