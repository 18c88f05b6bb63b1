using System.Text.RegularExpressions;
using Catwalk.Catalog;
using Catwalk.Domain;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// Checks of values once read: ranges, formats and uniqueness. Person attributes go through
/// <see cref="PersonAttributes.Validate"/> so the limits and wording are the CLI's.
/// </summary>
internal static partial class ManifestValidator
{
    public static int? Positive(int? value, Spot at, string unit)
    {
        if (value is <= 0) throw at.Error($"must be a positive number of {unit}, not {value}");
        return value;
    }

    public static decimal? Budget(decimal? value, Spot at)
    {
        if (value is <= 0) throw at.Error($"must be more than 0 US dollars, not {value}");
        return value;
    }

    public static long? Seed(long? value, Spot at)
    {
        if (value is < 0) throw at.Error($"must be 0 or more, not {value}");
        return value;
    }

    /// <summary>The CLI's rule for --resolution: 720p, 1080p, …</summary>
    public static string? Resolution(string? value, Spot at)
    {
        if (value is not null && !ResolutionPattern().IsMatch(value)) throw at.Error($"'{value}' is not like 720p or 1080p");
        return value;
    }

    /// <summary>The CLI's rule for --aspect-ratio: "w:h" or auto.</summary>
    public static string? AspectRatio(string? value, Spot at)
    {
        if (value is not null && value != "auto" && VideoGeometry.ParseAspect(value) is null)
            throw at.Error($"'{value}' is not like 9:16, 16:9 or auto (quote it in YAML: \"9:16\")");
        return value;
    }

    public static Gender Gender(string? text, Spot at) =>
        PersonAttributes.ParseGender(text) ?? throw at.Error($"'{text}' is not one of female, male, non-binary");

    /// <summary>
    /// Checks one attribute at a time so the error points at that field's line; the problem text is
    /// <see cref="PersonAttributes.Validate"/>'s, with the CLI's "--height 175" example written as the manifest's "height: 175".
    /// </summary>
    public static void Person(PersonAttributes person, IFields fields)
    {
        Check(new PersonAttributes { HeightCm = person.HeightCm }, fields.At("height"));
        Check(new PersonAttributes { WeightKg = person.WeightKg }, fields.At("weight"));
        Check(new PersonAttributes { Age = person.Age }, fields.At("age"));

        static void Check(PersonAttributes one, Spot at)
        {
            if (one.Validate() is [var problem, ..])
                throw at.Error(problem.Replace("--height ", "height: ").Replace("--weight ", "weight: "));
        }
    }

    /// <summary>Refuses the second entry with an id already used, naming where the first one is.</summary>
    public static void UniqueIds<T>(IEnumerable<T> entries, string list) where T : IEntry
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.TryAdd(entry.Id, entry))
            {
                var first = seen[entry.Id];
                var derived = entry.IdDerived ? " (made from its file name; give it an id)" : "";
                throw entry.IdAt.Error($"the id '{entry.Id}'{derived} is already used in {list} at {first.IdAt.Describe()}; ids must be unique");
            }
        }
    }

    /// <summary>Refuses a cross product too large to plan or pay for by accident.</summary>
    public static void LookCount(int people, int outfits, int settings, Spot at)
    {
        var looks = (long)people * outfits * settings;
        if (looks > ManifestReader.MaxLooks)
            throw at.ErrorWithoutField($"{people:N0} people × {outfits:N0} outfits × {settings:N0} settings make {looks:N0} looks, more than the {ManifestReader.MaxLooks:N0} a manifest may have; split it into several manifests");
    }

    [GeneratedRegex("^[0-9]{3,4}p$")]
    private static partial Regex ResolutionPattern();
}
