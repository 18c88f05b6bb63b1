namespace Catwalk.Catalog;

/// <summary>
/// How a virtual try-on model is driven: it takes one picture of the person and garment pictures in fields of their own
/// (not an <c>image_urls</c> list), a limited number of garments per call, only some kinds of garment, and keeps the
/// person's pose (so it cannot take an angle instruction). A planner dresses a whole outfit by chaining calls, each
/// call's output the next one's person.
/// </summary>
public sealed record TryOnSpec
{
    /// <summary>The input field with the person's picture (FASHN <c>model_image</c>, Kolors <c>human_image_url</c>).</summary>
    public required string PersonField { get; init; }
    /// <summary>The input field with the garment picture (FASHN <c>garment_image</c>, Kolors <c>garment_image_url</c>).</summary>
    public required string GarmentField { get; init; }
    /// <summary>How many garment pictures one call takes (1 for every try-on model fal serves today).</summary>
    public int GarmentsPerCall { get; init; } = 1;
    /// <summary>The kinds of garment the model dresses.</summary>
    public IReadOnlyList<GarmentCategory> Categories { get; init; } = [];
    /// <summary>The input field that says which kind the garment is (FASHN <c>category</c>); null when the model infers it.</summary>
    public string? CategoryField { get; init; }
    /// <summary>fal's value of <see cref="CategoryField"/> for each of <see cref="Categories"/> (<c>top</c> → <c>tops</c>).</summary>
    public IReadOnlyDictionary<GarmentCategory, string> CategoryValues { get; init; } = new Dictionary<GarmentCategory, string>();
    /// <summary>The value of <see cref="CategoryField"/> that lets the model detect the kind itself (FASHN <c>auto</c>).</summary>
    public string? AutoCategoryValue { get; init; }
}
