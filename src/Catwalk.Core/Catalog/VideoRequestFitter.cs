using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>
/// Maps a generic video request onto one model's input fields using the catalog: durations in the model's
/// own form, settings the model lacks left out, unsupported values refused or moved to the nearest supported one.
/// </summary>
public static class VideoRequestFitter
{
    public static FittedVideoRequest Fit(ModelDescriptor model, string prompt, string imageUrl, VideoSettings settings, FitPolicy policy)
    {
        if (!model.IsVideo) throw new ArgumentException($"'{model.Key}' is not a video model.", nameof(model));
        var adjustments = new List<string>();
        var args = new JsonObject { [model.Inputs.Prompt!] = prompt, [model.Inputs.Image!] = imageUrl };

        var duration = DurationResolver.Resolve(model, settings.DurationSeconds, policy);
        if (duration.Adjusted) adjustments.Add($"duration {duration.RequestedSeconds}s → {duration.Seconds}s (takes {model.Duration!.Describe()})");
        args[model.Duration!.Field] = model.Duration.ToArgument(duration.Seconds);

        var resolution = FitResolution(model, settings.Resolution, policy, adjustments);
        if (resolution is not null && model.Inputs.Resolution is { } resField && settings.Resolution is not null)
            args[resField] = resolution;

        var aspect = FitAspect(model, settings.AspectRatio, policy, adjustments);
        if (aspect is not null && model.Inputs.AspectRatio is { } aspectField && settings.AspectRatio is not null)
            args[aspectField] = aspect;

        var audio = FitAudio(model, settings.Audio, adjustments);
        if (settings.Audio is { } wantAudio && model.Inputs.Audio is { } audioField) args[audioField] = wantAudio;

        if (settings.Seed is { } seed && model.Inputs.Seed is { } seedField) args[seedField] = seed;
        if (!string.IsNullOrWhiteSpace(settings.NegativePrompt) && model.Inputs.NegativePrompt is { } negField)
            args[negField] = settings.NegativePrompt;
        foreach (var (name, value) in model.FixedArguments) args[name] = value?.DeepClone();

        var fps = FieldValue(model, args, model.Inputs.Fps) is { } f && TryNumber(f, out var n) ? (int)n : model.Output.Fps ?? 24;
        ApplyRules(model, args, policy, adjustments);
        if (model.Inputs.Resolution is { } rf && args[rf] is JsonValue rv) resolution = rv.ToString();

        var modelSettings = new ModelSettings(duration.Seconds, resolution, aspect, audio, fps);
        return new FittedVideoRequest(model, args, modelSettings, duration, adjustments);
    }

    private static string? FitResolution(ModelDescriptor model, string? requested, FitPolicy policy, List<string> adjustments)
    {
        if (model.Resolutions.Count == 0 || model.Inputs.Resolution is null)
        {
            if (requested is not null) adjustments.Add($"resolution {requested} not selectable (model renders {model.Output.Resolution ?? "its own size"})");
            return model.Output.Resolution;
        }
        if (requested is null) return model.DefaultResolution ?? model.Resolutions[0];
        if (model.Resolutions.Contains(requested, StringComparer.OrdinalIgnoreCase))
            return model.Resolutions.First(r => r.Equals(requested, StringComparison.OrdinalIgnoreCase));
        if (policy == FitPolicy.Exact)
            throw new UnsupportedSettingException(model.Key, "resolution",
                $"{model.DisplayName} ({model.Key}) cannot render {requested}; it takes {string.Join(", ", model.Resolutions)}.");
        var wanted = SafeShortSide(requested);
        var nearest = model.Resolutions.OrderBy(r => Math.Abs(VideoGeometry.ShortSide(r) - wanted)).ThenByDescending(VideoGeometry.ShortSide).First();
        adjustments.Add($"resolution {requested} → {nearest} (takes {string.Join(", ", model.Resolutions)})");
        return nearest;
    }

    private static string? FitAspect(ModelDescriptor model, string? requested, FitPolicy policy, List<string> adjustments)
    {
        if (model.AspectRatios.Count == 0 || model.Inputs.AspectRatio is null)
            return null; // the model follows the input image
        if (requested is null) return model.DefaultAspectRatio;
        if (model.AspectRatios.Contains(requested)) return requested;
        if (policy == FitPolicy.Exact)
            throw new UnsupportedSettingException(model.Key, "aspect ratio",
                $"{model.DisplayName} ({model.Key}) cannot frame {requested}; it takes {string.Join(", ", model.AspectRatios)}.");
        var fallback = model.AspectRatios.Contains("auto") ? "auto" : model.DefaultAspectRatio ?? model.AspectRatios[0];
        adjustments.Add($"aspect ratio {requested} → {fallback} (takes {string.Join(", ", model.AspectRatios)})");
        return fallback;
    }

    private static bool FitAudio(ModelDescriptor model, bool? requested, List<string> adjustments)
    {
        if (!model.Audio.Generates)
        {
            if (requested == true) adjustments.Add("audio asked for, but this model makes silent video");
            return false;
        }
        if (model.Inputs.Audio is null)
        {
            if (requested == false) adjustments.Add("audio cannot be switched off for this model");
            return true;
        }
        return requested ?? model.Audio.Default;
    }

    private static void ApplyRules(ModelDescriptor model, JsonObject args, FitPolicy policy, List<string> adjustments)
    {
        foreach (var rule in model.Rules)
        {
            var value = FieldValue(model, args, rule.When.Field);
            if (value is null || !TryNumber(value, out var number) || number <= rule.When.GreaterThan) continue;
            foreach (var (field, required) in rule.Require)
            {
                var current = FieldValue(model, args, field);
                if (JsonNode.DeepEquals(Normalize(current), Normalize(required))) continue;
                if (policy == FitPolicy.Exact)
                    throw new UnsupportedSettingException(model.Key, field, $"{model.DisplayName} ({model.Key}): {rule.Message}.");
                args[field] = required?.DeepClone();
                adjustments.Add($"{field} → {required} ({rule.Message})");
            }
        }
    }

    /// <summary>The value the model will use for <paramref name="field"/>: what we send, else the schema default.</summary>
    private static JsonNode? FieldValue(ModelDescriptor model, JsonObject args, string? field) =>
        field is null ? null : args[field] ?? model.Field(field)?.Default;

    private static JsonNode? Normalize(JsonNode? node) =>
        node is JsonValue v && TryNumber(v, out var n) ? JsonValue.Create(n) : node;

    private static bool TryNumber(JsonNode node, out double number) => JsonNumbers.TryGet(node, out number);

    private static int SafeShortSide(string resolution)
    {
        try { return VideoGeometry.ShortSide(resolution); }
        catch (ArgumentException) { throw new UnsupportedSettingException("", "resolution", $"'{resolution}' is not a resolution like 720p or 1080p."); }
    }
}
