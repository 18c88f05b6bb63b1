using Catwalk.Catalog;

namespace Catwalk.Dashboard.Launch;

/// <summary>
/// A first guess at what an uploaded outfit picture is, from its file name ("white-sneakers.png" → shoes), so the
/// launch form's garment kinds are mostly right before anyone touches them; a name that says nothing stays untagged.
/// A try-on model dresses the tagged garments one call each, top first (<c>TryOnChain</c>).
/// </summary>
public static class GarmentGuess
{
    private static readonly (GarmentCategory Kind, string[] Words)[] Words =
    [
        (GarmentCategory.Shoes, ["shoe", "sneaker", "trainer", "boot", "heel", "sandal", "loafer", "footwear"]),
        (GarmentCategory.OnePiece, ["dress", "jumpsuit", "overall", "romper", "gown", "one-piece", "onepiece"]),
        (GarmentCategory.Outerwear, ["jacket", "coat", "blazer", "parka", "anorak", "outerwear", "cardigan"]),
        (GarmentCategory.Bottom, ["trouser", "pant", "jean", "skirt", "short", "legging", "chino", "bottom"]),
        (GarmentCategory.Accessory, ["bag", "hat", "cap", "scarf", "belt", "sunglass", "watch", "necklace", "accessor"]),
        (GarmentCategory.Top, ["top", "shirt", "tee", "blouse", "sweater", "hoodie", "jumper", "polo", "tank"]),
    ];

    public static GarmentCategory? FromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        foreach (var (kind, words) in Words)
            if (words.Any(name.Contains)) return kind;
        return null;
    }
}
