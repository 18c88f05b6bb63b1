using Catwalk.Domain;

namespace Catwalk.Manifests;

/// <summary>One person in one outfit in one setting: the input of one dressed image and its videos.</summary>
public sealed record BatchLook
{
    /// <summary>"&lt;personId&gt;/&lt;outfitId&gt;/&lt;settingId&gt;"; each part is [a-z0-9_-]+, so it is safe in a path.</summary>
    public required string Id { get; init; }

    public required string PersonId { get; init; }
    public required string OutfitId { get; init; }

    /// <summary>"default" when the manifest lists no settings.</summary>
    public required string SettingId { get; init; }

    /// <summary>Absolute path of the person's full photo.</summary>
    public required string PersonImage { get; init; }

    /// <summary>Absolute path of the face close-up, if given.</summary>
    public string? FaceImage { get; init; }

    /// <summary>Absolute paths of the outfit's pictures, at least one, in the manifest's order.</summary>
    public required IReadOnlyList<string> OutfitImages { get; init; }
    /// <summary>What each of <see cref="OutfitImages"/> is (the outfit's <c>garments</c>); empty when not tagged.</summary>
    public IReadOnlyList<Catwalk.Catalog.GarmentCategory?> OutfitGarments { get; init; } = [];

    public PersonAttributes Person { get; init; } = new();

    /// <summary>The outfit's apparel type with the setting's place and visual cues.</summary>
    public EnvironmentAttributes Environment { get; init; } = new();

    /// <summary>The shot and motion: the setting's description, else the manifest's.</summary>
    public string? Description { get; init; }
}
