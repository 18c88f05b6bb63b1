namespace Catwalk.Catalog;

/// <summary>
/// A kind of garment as Catwalk names it, whatever a model's own word for it (<see cref="TryOnSpec.CategoryValues"/>
/// maps these to fal's values, e.g. FASHN's <c>tops</c>). Written kebab-case in catalog files: <c>top</c>, <c>one-piece</c>.
/// </summary>
public enum GarmentCategory
{
    Top,
    Bottom,
    /// <summary>A dress, jumpsuit or other single piece covering top and bottom.</summary>
    OnePiece,
    Outerwear,
    Shoes,
    Accessory,
}
