using Catwalk.Domain;

namespace Catwalk.Runs.Specs;

/// <summary>
/// One look of a run: a person in an outfit in a setting. Either references for the image stage (person, face,
/// outfits) or a ready <see cref="StartImage"/> that skips it. Paths are absolute so a resume works from any folder.
/// </summary>
public sealed record LookSpec
{
    /// <summary>Unique in the run; "person/outfit/setting" in a batch, "look" for a single run.</summary>
    public required string Id { get; init; }
    public string? PersonId { get; init; }
    public string? OutfitId { get; init; }
    public string? SettingId { get; init; }
    public string? PersonImage { get; init; }
    public string? FaceImage { get; init; }
    public IReadOnlyList<string> OutfitImages { get; init; } = [];
    /// <summary>What each of <see cref="OutfitImages"/> is (top, bottom, shoes…), in the same order; empty or null entries: untagged. A try-on chain dresses them in this order of kinds.</summary>
    public IReadOnlyList<Catalog.GarmentCategory?> OutfitGarments { get; init; } = [];
    public PersonAttributes Person { get; init; } = new();
    public EnvironmentAttributes Environment { get; init; } = new();
    public string? Description { get; init; }
    /// <summary>The image stage's prompt as given (<c>catwalk image</c>); null builds it from the person and environment.</summary>
    public string? ImagePrompt { get; init; }
    /// <summary>The first frame for the videos; when set there is no image stage (<c>catwalk video</c>).</summary>
    public string? StartImage { get; init; }
}
