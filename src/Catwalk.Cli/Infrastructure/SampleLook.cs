using Catwalk.Cli.Commands;
using Catwalk.Domain;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// The bundled sample (a person, face, jacket, trousers and sneakers the project painted itself), used when
/// `catwalk run` gets no --person, so the whole pipeline runs from any folder with no files of one's own.
/// </summary>
internal static class SampleLook
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>What each outfit picture is: <c>--garments</c>, else the sample's own (its top, trousers and shoes).</summary>
    public static IReadOnlyList<Catalog.GarmentCategory?> Garments(RunSettings settings) =>
        settings.Garments is { } words ? [.. words.Split(',', StringSplitOptions.TrimEntries).Select(Catalog.GarmentCategoryNames.Parse)]
        : settings.Person is null ? [Catalog.GarmentCategory.Top, Catalog.GarmentCategory.Bottom, Catalog.GarmentCategory.Shoes] : [];

    public static (string Person, string? Face, IReadOnlyList<string> Outfits) Files(RunSettings settings)
    {
        if (settings.Person is not null) return (settings.Person, settings.Face, settings.Outfits ?? []);
        var outfits = new[] { "outfit-top.png", "outfit-trousers.png", "outfit-shoes.png" }
            .Select(f => Path.Combine(Folder, f)).Where(File.Exists).ToList();
        return (Path.Combine(Folder, "person.png"), Path.Combine(Folder, "face.png"), outfits);
    }

    /// <summary>The user's environment, with the sample's own defaults where a sample run leaves a field empty.</summary>
    public static EnvironmentAttributes Environment(RunSettings s) => s.Person is null
        ? new EnvironmentAttributes
        {
            ApparelType = s.Apparel ?? "casual street wear",
            Setting = s.Setting ?? "urban cafe terrace, outdoor",
            VisualCues = s.Cues ?? "natural daylight, soft shadows",
        }
        : new EnvironmentAttributes { ApparelType = s.Apparel, Setting = s.Setting, VisualCues = s.Cues };

    public static string? Description(RunSettings s) =>
        s.Description ?? (s.Person is null ? "full frontal view, walking towards the camera" : null);
}
