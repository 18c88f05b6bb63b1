using System.Text;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// Ids of people, outfits and settings. They become parts of look ids and output folders, so they are limited to
/// [a-z0-9_-]: a given id is lower-cased and must then fit; an id taken from a file name or text is slugged.
/// </summary>
internal static class Ids
{
    private const int MaxDerivedLength = 40;

    /// <summary>An id the user wrote: lower-cased; anything outside [a-z0-9_-] is refused with the slug as a suggestion.</summary>
    public static string Given(string text, Spot at)
    {
        var id = text.Trim().ToLowerInvariant();
        if (id.All(IsIdChar)) return id;
        var hint = Slug(id) is { } slug ? $", e.g. '{slug}'" : "";
        throw at.Error($"'{text}' is not a usable id: ids may only contain letters a-z, digits, '-' and '_'{hint}");
    }

    /// <summary>The id of an entry without one, from its image file name ("Ana Face.JPG" → "ana-face").</summary>
    public static string FromFileName(string path, Spot at, string kind) =>
        Slug(Path.GetFileNameWithoutExtension(path), MaxDerivedLength)
        ?? throw at.Error($"no id can be made from the file name '{Path.GetFileName(path)}'; give the {kind} an id (letters a-z, digits, '-', '_')");

    /// <summary>Lower-case, runs of other characters to one '-', no '-' at the ends; null when nothing is left.</summary>
    public static string? Slug(string text, int maxLength = int.MaxValue)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (IsIdChar(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString();
        if (result.Length > maxLength) result = result[..maxLength];
        result = result.Trim('-');
        return result.Length > 0 ? result : null;
    }

    private static bool IsIdChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
