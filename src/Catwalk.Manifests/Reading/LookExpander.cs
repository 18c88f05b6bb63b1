using Catwalk.Domain;

namespace Catwalk.Manifests.Reading;

/// <summary>people × outfits × settings → looks, person-major, in the manifest's order.</summary>
internal static class LookExpander
{
    public static IReadOnlyList<BatchLook> Expand(
        IReadOnlyList<PersonEntry> people, IReadOnlyList<OutfitEntry> outfits, IReadOnlyList<SettingEntry> settings, string? description, Spot at)
    {
        ManifestValidator.LookCount(people.Count, outfits.Count, settings.Count, at);
        var looks = new List<BatchLook>(people.Count * outfits.Count * settings.Count);
        foreach (var person in people)
        foreach (var outfit in outfits)
        foreach (var setting in settings)
        {
            looks.Add(new BatchLook
            {
                Id = $"{person.Id}/{outfit.Id}/{setting.Id}",
                PersonId = person.Id,
                OutfitId = outfit.Id,
                SettingId = setting.Id,
                PersonImage = person.Image,
                FaceImage = person.Face,
                OutfitImages = outfit.Images,
                OutfitGarments = outfit.Garments,
                Person = person.Attributes,
                Environment = new EnvironmentAttributes { ApparelType = outfit.Apparel, Setting = setting.Setting, VisualCues = setting.Cues },
                Description = setting.Description ?? description,
            });
        }
        return looks.AsReadOnly();
    }
}
