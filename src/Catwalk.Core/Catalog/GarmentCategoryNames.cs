using System.Text.Json;

namespace Catwalk.Catalog;

/// <summary>A <see cref="GarmentCategory"/>'s word as catalog files and the command line spell it: <c>top</c>, <c>one-piece</c>.</summary>
public static class GarmentCategoryNames
{
    extension(GarmentCategory category)
    {
        public string Name() => JsonNamingPolicy.KebabCaseLower.ConvertName(category.ToString());
    }

    /// <summary>The category a word names (<c>one-piece</c>, <c>OnePiece</c>), or null.</summary>
    public static GarmentCategory? Parse(string? word) =>
        Enum.GetValues<GarmentCategory>().Cast<GarmentCategory?>().FirstOrDefault(c => string.Equals(c!.Value.Name(), word?.Trim(), StringComparison.OrdinalIgnoreCase)
                                                                                     || string.Equals(c.Value.ToString(), word?.Trim(), StringComparison.OrdinalIgnoreCase));
}
