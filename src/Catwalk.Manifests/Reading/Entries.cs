using Catwalk.Domain;

namespace Catwalk.Manifests.Reading;

/// <summary>What people, outfits and settings have in common: an id and where it came from.</summary>
internal interface IEntry
{
    string Id { get; }

    /// <summary>The id's field, or the field it was made from.</summary>
    Spot IdAt { get; }

    /// <summary>Made from a file name or text rather than written, so a clash needs a different hint.</summary>
    bool IdDerived { get; }
}

internal sealed record PersonEntry(string Id, Spot IdAt, bool IdDerived, string Image, string? Face, PersonAttributes Attributes) : IEntry;

internal sealed record OutfitEntry(string Id, Spot IdAt, bool IdDerived, IReadOnlyList<string> Images, string? Apparel) : IEntry
{
    /// <summary>What each of <see cref="Images"/> is, in the same order; empty when not tagged.</summary>
    public IReadOnlyList<Catwalk.Catalog.GarmentCategory?> Garments { get; init; } = [];
}

internal sealed record SettingEntry(string Id, Spot IdAt, bool IdDerived, string? Setting, string? Cues, string? Description) : IEntry
{
    /// <summary>The one setting of a manifest that lists none: no place, no cues.</summary>
    public static SettingEntry Default(Spot at) => new("default", at, true, null, null, null);
}
