namespace Catwalk.Catalog;

/// <summary>
/// Checks what only an image model has: its reference-image limit, its try-on fields (person, garment, garments per
/// call, categories and fal's words for them), its image-size presets and whether it can take an angle instruction.
/// </summary>
internal static class ImageModelValidator
{
    public static void Validate(ModelDescriptor model, List<string> problems)
    {
        if (model.IsVideo)
        {
            if (model.TryOn is not null) problems.Add("a video model cannot have tryOn");
            if (model.ReferenceImages is not null) problems.Add("a video model cannot have referenceImages");
            if (model.Inputs.Prompt is null) problems.Add("a video model needs inputs.prompt");
            return;
        }
        if (model.ReferenceImages is { } references)
        {
            if (model.Inputs.Images is null) problems.Add("referenceImages needs inputs.images, the list it limits");
            if (references.Max < 1) problems.Add($"referenceImages.max must be at least 1, not {references.Max}");
        }
        if (model.TryOn is { } tryOn) ValidateTryOn(model, tryOn, problems);
        else if (model.Inputs.Prompt is null) problems.Add("only a try-on model may take no prompt (inputs.prompt null)");
        if (model.AngleInstruction == true && model.Inputs.Prompt is null)
            problems.Add("angleInstruction true needs inputs.prompt: the angle is asked for in the prompt");
        if (model.AngleInstruction == true && model.TryOn is not null)
            problems.Add("a try-on model keeps the person's pose: angleInstruction cannot be true");
        ValidatePresets(model, problems);
    }

    private static void ValidateTryOn(ModelDescriptor model, TryOnSpec tryOn, List<string> problems)
    {
        if (model.Kind != ModelKind.ImageEdit) problems.Add($"tryOn needs kind image-edit, not {model.Kind}");
        if (model.Inputs.Images is not null) problems.Add("a try-on model takes its pictures in tryOn.personField and tryOn.garmentField, not inputs.images");
        if (model.ReferenceImages is not null) problems.Add("a try-on model's references are its person and garmentsPerCall garments: leave referenceImages out");
        foreach (var (name, field) in new[] { ("personField", tryOn.PersonField), ("garmentField", tryOn.GarmentField) })
        {
            var schema = model.Field(field);
            if (schema is null) problems.Add($"tryOn.{name} names '{field}', which is not in schema");
            else if (schema.Format != "media-url") problems.Add($"tryOn.{name} '{field}' must be a media-url field (fal downloads the picture)");
        }
        if (tryOn.PersonField == tryOn.GarmentField) problems.Add("tryOn.personField and tryOn.garmentField must be different fields");
        if (tryOn.GarmentsPerCall < 1) problems.Add($"tryOn.garmentsPerCall must be at least 1, not {tryOn.GarmentsPerCall}");
        if (tryOn.GarmentsPerCall > 1 && model.Field(tryOn.GarmentField) is { Type: not "string[]" })
            problems.Add($"tryOn.garmentsPerCall {tryOn.GarmentsPerCall} needs a list garment field; '{tryOn.GarmentField}' takes one picture");
        if (tryOn.Categories.Count == 0) problems.Add("tryOn.categories lists no garment kind (top, bottom, one-piece…)");
        if (tryOn.CategoryField is null)
        {
            if (tryOn.CategoryValues.Count > 0 || tryOn.AutoCategoryValue is not null)
                problems.Add("tryOn.categoryValues and autoCategoryValue need tryOn.categoryField");
            return;
        }
        if (model.Field(tryOn.CategoryField) is not { } categoryField)
        {
            problems.Add($"tryOn.categoryField names '{tryOn.CategoryField}', which is not in schema");
            return;
        }
        var allowed = categoryField.Enum?.Select(v => v?.ToString()).ToHashSet() ?? [];
        foreach (var category in tryOn.Categories.Where(c => !tryOn.CategoryValues.ContainsKey(c)))
            problems.Add($"tryOn.categoryValues has no value for '{category.Name()}', one of tryOn.categories");
        foreach (var (category, value) in tryOn.CategoryValues)
        {
            if (!tryOn.Categories.Contains(category)) problems.Add($"tryOn.categoryValues maps '{category.Name()}', which is not one of tryOn.categories");
            if (allowed.Count > 0 && !allowed.Contains(value)) problems.Add($"tryOn.categoryValues.{category.Name()} is '{value}', which is not one of {tryOn.CategoryField}'s values ({string.Join(", ", allowed)})");
        }
        if (tryOn.AutoCategoryValue is { } auto && allowed.Count > 0 && !allowed.Contains(auto))
            problems.Add($"tryOn.autoCategoryValue '{auto}' is not one of {tryOn.CategoryField}'s values ({string.Join(", ", allowed)})");
    }

    private static void ValidatePresets(ModelDescriptor model, List<string> problems)
    {
        if (model.ImageSizePresets.Count == 0) return;
        if (model.Inputs.ImageSize is not { } field)
        {
            problems.Add("imageSizePresets needs inputs.imageSize");
            return;
        }
        var allowed = model.Field(field)?.Enum?.Select(v => v?.ToString()).ToHashSet() ?? [];
        foreach (var (aspect, preset) in model.ImageSizePresets)
        {
            if (VideoGeometry.ParseAspect(aspect) is null) problems.Add($"imageSizePresets has '{aspect}', which is not an aspect ratio W:H");
            if (allowed.Count > 0 && !allowed.Contains(preset)) problems.Add($"imageSizePresets.{aspect} is '{preset}', which is not one of {field}'s values");
        }
    }

}
