using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Pipelines;

namespace Catwalk.Runs.Planning;

/// <summary>
/// Which image models dress a run's looks: <c>nano-banana-edit,seedream-edit</c> or <c>all</c> (every catalog model that
/// dresses a person from references), checked against the catalog before anything is planned.
/// </summary>
public static class ImageModelSelection
{
    /// <summary>The models that take a person's references (a text-to-image model cannot dress a given person).</summary>
    public static IEnumerable<ModelDescriptor> Dressing(ModelCatalog catalog) => catalog.Models.Where(m => !m.IsVideo && m.Kind != ModelKind.TextToImage);

    /// <summary>Keys in the order given, without repeats; null or empty selects the default edit model alone.</summary>
    public static IReadOnlyList<string> Resolve(ModelCatalog catalog, string? selection)
    {
        if (string.IsNullOrWhiteSpace(selection)) return [ImagePipeline.EditModel];
        var dressing = Dressing(catalog).ToList();
        if (selection.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return [.. dressing.Select(m => m.Key)];
        var chosen = new List<string>();
        foreach (var key in selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var known = $"Image models: {string.Join(", ", dressing.Select(m => m.Key))} (or 'all').";
            var model = catalog.Find(key) ?? throw new InvalidInputException($"Unknown image model '{key}'. {known}");
            if (model.IsVideo) throw new InvalidInputException($"'{key}' is a video model, not an image model (give it to --models). {known}");
            if (model.Kind == ModelKind.TextToImage) throw new InvalidInputException($"'{key}' makes images from text alone: it cannot dress a given person. {known}");
            if (!chosen.Contains(model.Key)) chosen.Add(model.Key);
        }
        return chosen;
    }
}
