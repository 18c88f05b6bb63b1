namespace Catwalk.Quality.Fashion;

/// <summary>The pictures fashion metrics compare against: the face (else the person) for identity, the garments for colour.</summary>
public sealed record FashionReferences(string? Face, string? Person, IReadOnlyList<string> Outfits)
{
    public static readonly FashionReferences None = new(null, null, []);

    public bool IsEmpty => Face is null && Person is null && Outfits.Count == 0;

    /// <summary>The picture whose face identity is measured against.</summary>
    public string? IdentityReference => Face ?? Person;
}
