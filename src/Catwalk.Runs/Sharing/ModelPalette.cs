using Catwalk.Catalog;
using Catwalk.Domain;

namespace Catwalk.Runs.Sharing;

/// <summary>
/// One colour per model key, the same in every chart, legend and table of the dashboard and the report, whatever else is
/// shown beside it: each built-in catalog model has its own (video models and image models take the hues separately, as
/// they are never charted together), any other key the hue its name hashes to.
/// </summary>
public sealed class ModelPalette
{
    // Okabe–Ito-like hues that stay distinct for colour-blind readers and on light and dark backgrounds.
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#B8A000", "#7F5FBF", "#8C564B", "#17BECF", "#E377C2", "#7F7F7F"];

    private readonly Dictionary<string, string> _known;

    private ModelPalette(ModelCatalog catalog)
    {
        _known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in new[] { StageKind.Video, StageKind.Image })
        {
            var models = catalog.Models.Where(m => m.IsVideo == (stage == StageKind.Video)).ToList();
            for (var i = 0; i < models.Count; i++) _known[models[i].Key] = Colours[i % Colours.Length];
        }
    }

    /// <summary>The palette of the built-in catalog.</summary>
    public static ModelPalette Default { get; } = new(ModelCatalog.BuiltIn);

    public string Of(string model) => _known.TryGetValue(model, out var colour) ? colour : Colours[Hash(model) % (uint)Colours.Length];

    /// <summary>FNV-1a of the lower-cased key: the same on every run and machine (string.GetHashCode is randomised per process).</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text.ToLowerInvariant()) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
