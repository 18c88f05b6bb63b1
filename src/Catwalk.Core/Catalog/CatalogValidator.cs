namespace Catwalk.Catalog;

/// <summary>Checks that a catalog entry is complete and consistent, naming the entry and field that is not.</summary>
internal static class CatalogValidator
{
    public static void Validate(ModelDescriptor model, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(model.Key) || model.Key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            problems.Add($"key '{model.Key}' must be letters, digits, '-', '_' or '.'");
        if (!EndpointIds.IsValid(model.EndpointId))
            problems.Add($"endpointId '{model.EndpointId}' is not owner/app[/path]");
        if (model.Schema.Count == 0)
            problems.Add("schema lists no input fields");
        if (model.Inputs.Prompt is { } prompt && model.Schema.All(f => f.Name != prompt))
            problems.Add($"inputs.prompt names '{prompt}', which is not in schema");
        foreach (var (setting, field) in MappedFields(model.Inputs))
        {
            if (field is not null && model.Schema.All(f => f.Name != field))
                problems.Add($"inputs.{setting} names '{field}', which is not in schema");
        }
        if (model.IsVideo)
        {
            if (model.Inputs.Image is null) problems.Add("a video model needs inputs.image");
            if (!model.Output.IsVideo) problems.Add($"a video model needs output.media '{OutputMedia.Video.Name()}', not '{model.Output.Media.Name()}'");
            if (model.Duration is not { } d)
                problems.Add("a video model needs a duration entry");
            else
            {
                if (d.Allowed.Count == 0 && (d.Minimum is null || d.Maximum is null || d.Minimum > d.Maximum))
                    problems.Add("duration needs 'allowed' or a minimum ≤ maximum");
                if (!d.IsAllowed(d.Default)) problems.Add($"duration.default {d.Default} is not an allowed duration ({d.Describe()})");
                if (model.Schema.All(f => f.Name != d.Field)) problems.Add($"duration.field '{d.Field}' is not in schema");
                if (d.Format == DurationFormat.Frames && d.FramesPerSecond is null) problems.Add("duration format 'frames' needs framesPerSecond");
            }
            if (model.Output.Fps is null) problems.Add("output.fps is needed for a video model");
            if (model.Resolutions.Count == 0 && model.Output.Resolution is null)
                problems.Add("a video model needs resolutions or output.resolution");
        }
        else if (model.Output.IsVideo)
            problems.Add($"an image model cannot have output.media '{OutputMedia.Video.Name()}'");
        if (model.DefaultResolution is { } r && !model.Resolutions.Contains(r))
            problems.Add($"defaultResolution '{r}' is not one of resolutions");
        if (model.DefaultAspectRatio is { } a && !model.AspectRatios.Contains(a))
            problems.Add($"defaultAspectRatio '{a}' is not one of aspectRatios");
        ImageModelValidator.Validate(model, problems);
        PriceValidator.Validate(model, problems);
        if (problems.Count > 0)
            throw new CatalogException($"Catalog '{source}', model '{model.Key}': {string.Join("; ", problems)}.");
    }

    private static IEnumerable<(string Setting, string? Field)> MappedFields(InputMapping m) =>
    [
        ("image", m.Image), ("images", m.Images), ("negativePrompt", m.NegativePrompt), ("seed", m.Seed),
        ("resolution", m.Resolution), ("aspectRatio", m.AspectRatio), ("imageSize", m.ImageSize), ("audio", m.Audio), ("fps", m.Fps),
        ("count", m.Count), ("outputFormat", m.OutputFormat),
    ];
}
