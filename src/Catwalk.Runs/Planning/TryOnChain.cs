using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Planning;

/// <summary>
/// How a try-on model (<see cref="ModelDescriptor.TryOn"/>: a few garments per call, the person's pose kept) dresses a
/// whole outfit: one call per garment (or per <see cref="TryOnSpec.GarmentsPerCall"/>), top, then bottom, then the rest
/// as the outfit's pictures are tagged (in the order given when they are not), each call dressing the previous call's
/// image. The planner makes these jobs and the engine reads each one's garments back from here: one place for both.
/// </summary>
public static class TryOnChain
{
    private static readonly GarmentCategory[] Order =
        [GarmentCategory.Top, GarmentCategory.Bottom, GarmentCategory.OnePiece, GarmentCategory.Outerwear, GarmentCategory.Shoes, GarmentCategory.Accessory];

    /// <summary>
    /// The chain's calls. A garment tagged as a kind the model does not dress (shoes, for most) is left out of its chain:
    /// <see cref="LeftOut"/> says which, so plans print it.
    /// </summary>
    /// <exception cref="InvalidInputException">A look with no outfit picture the model can dress.</exception>
    public static IReadOnlyList<TryOnStep> Steps(LookSpec look, ModelDescriptor model, CameraAngle? angle)
    {
        var tryOn = model.TryOn ?? throw new InvalidOperationException($"{model.Key} is not a try-on model.");
        var garments = Garments(look).Where(g => Dresses(tryOn, g.Category)).ToList();
        if (garments.Count == 0)
            throw new InvalidInputException($"{model.Key} dresses the person in the outfit's pictures ({string.Join(", ", tryOn.Categories.Select(k => k.Name()))}), and look '{look.Id}' has none it can dress: "
                + $"give --outfit pictures (and --garments), or leave {model.Key} out of --image-models. Nothing was sent.");
        var ordered = garments.OrderBy(g => g.Category is { } c ? Array.IndexOf(Order, c) : -1).ThenBy(g => g.Index).ToList();
        var perCall = Math.Max(1, tryOn.GarmentsPerCall);
        var chunks = ordered.Chunk(perCall).ToList();
        var last = InputKeys.Image(look, angle);
        return [.. chunks.Select((chunk, i) => new TryOnStep(i, chunks.Count, [.. chunk.Select(g => g.Index)], chunk.Length == 1 ? chunk[0].Category : null,
            i == chunks.Count - 1 ? last : $"{last}~{i + 1}-{(chunk.Length == 1 && chunk[0].Category is { } c ? c.Name() : "garment")}"))];
    }

    /// <summary>"fashn-tryon does not dress shoes: 'outfit-shoes.png' of look 'look' is left out of its image", one line per picture.</summary>
    public static IEnumerable<string> LeftOut(RunSpec spec, ModelCatalog catalog) =>
        from model in spec.ImageModelKeys().Select(catalog.Get).Where(m => m.TryOn is not null)
        from look in spec.Looks.Where(l => l.StartImage is null)
        from garment in Garments(look).Where(g => !Dresses(model.TryOn!, g.Category))
        select $"{model.Key} does not dress {garment.Category!.Value.Name()}: '{Path.GetFileName(look.OutfitImages[garment.Index])}' of look '{look.Id}' is left out of its image.";

    private static List<(int Index, GarmentCategory? Category)> Garments(LookSpec look) =>
        [.. Enumerable.Range(0, look.OutfitImages.Count).Select(i => (i, i < look.OutfitGarments.Count ? look.OutfitGarments[i] : null))];

    private static bool Dresses(TryOnSpec tryOn, GarmentCategory? category) => category is not { } c || tryOn.Categories.Count == 0 || tryOn.Categories.Contains(c);

    /// <summary>The step of an image job of a try-on model, found by its input key; null for a model that is not one.</summary>
    public static TryOnStep? StepOf(LookSpec look, ModelDescriptor model, CameraAngle? angle, string inputKey) =>
        model.TryOn is null ? null : Steps(look, model, angle).FirstOrDefault(s => s.InputKey == inputKey);
}
