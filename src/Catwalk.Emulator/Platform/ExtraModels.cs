using Catwalk.Catalog;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// fal endpoints the emulator serves beyond Catwalk's built-in catalog (fal-extra-models.json, from their published input
/// schemas), so that finding and adding a model through fal's Platform APIs can be tested offline.
/// </summary>
internal static class ExtraModels
{
    private static readonly Lazy<ModelCatalog> Catalog = new(() =>
    {
        using var stream = typeof(ExtraModels).Assembly.GetManifestResourceStream("Catwalk.Emulator.fal-extra-models.json")
            ?? throw new InvalidOperationException("fal-extra-models.json is missing from Catwalk.Emulator.");
        return ModelCatalog.Load(stream, "the emulator's extra fal models");
    });

    /// <summary><paramref name="catalog"/> plus every extra endpoint it does not already serve (by endpoint id or key).</summary>
    public static ModelCatalog AddTo(ModelCatalog catalog)
    {
        var missing = Catalog.Value.Models.Where(x => !catalog.Models.Any(m => m.EndpointId == x.EndpointId || string.Equals(m.Key, x.Key, StringComparison.OrdinalIgnoreCase))).ToList();
        return missing.Count == 0 ? catalog : catalog.Merge(new ModelCatalog(missing));
    }
}
