using System.Globalization;
using System.Text.Json.Nodes;

namespace Catwalk.Catalog.Import;

/// <summary>
/// Infers a catalog entry from an endpoint's queue OpenAPI and fal's price: the prompt, image, duration (its JSON type
/// and values; frame counts with their fps), resolution, aspect-ratio, audio, seed and negative-prompt fields with their
/// defaults, the whole input schema, and the price with its billing basis. Refuses, with the reason, what Catwalk cannot
/// drive as an image-to-video or image-edit model. The entry is validated as any catalog file is.
/// </summary>
public static class OpenApiModelImporter
{
    private static readonly string[] StartImageFields = ["image_url", "start_image_url", "first_frame_url", "first_frame_image_url", "input_image_url", "reference_image_url"];
    private static readonly string[] DurationFields = ["duration", "seconds", "duration_seconds", "video_length", "num_frames"];
    private static readonly string[] AudioFields = ["generate_audio", "enable_audio", "with_audio", "audio"];

    /// <summary>The endpoint's input fields as fal publishes them now, in the catalog's schema form (fields Catwalk never sends left out).</summary>
    public static IReadOnlyList<SchemaField> InputSchema(string endpointId, JsonObject openApi) =>
        [.. Fields(new OpenApiSchema(openApi), endpointId).Where(IsScalar).Select(f => System.Text.Json.JsonSerializer.Deserialize<SchemaField>(f.ToJson().ToJsonString(), CatalogJson.Options)!)];

    public static ImportedModel Import(string key, string endpointId, string? displayName, string? category, JsonObject openApi, PublishedPrice? price)
    {
        var schema = new OpenApiSchema(openApi);
        var fields = Fields(schema, endpointId);
        var byName = fields.ToDictionary(f => f.Name);
        var inferred = new List<string>();
        var warnings = new List<string>();

        var kind = category switch
        {
            "image-to-video" => "image-to-video",
            "image-to-image" or "image-edit" when byName.ContainsKey("image_urls") => "image-edit",
            "image-to-image" or "image-edit" => throw new UnusableModelException($"{endpointId} edits images but takes no image_urls list, which Catwalk's image stage sends."),
            _ => throw new UnusableModelException($"{endpointId} is {(category is null ? "of no category fal names" : $"a {category} model")}; Catwalk animates images (image-to-video) and dresses people (image-to-image edit)."),
        };
        if (!byName.ContainsKey("prompt")) throw new UnusableModelException($"{endpointId} takes no prompt, which Catwalk always sends.");
        var inputs = new JsonObject { ["prompt"] = "prompt" };
        inferred.Add("prompt: prompt" + (byName["prompt"].MaxLength is { } max ? $" (at most {max} characters)" : ""));

        var entry = new JsonObject { ["key"] = key, ["endpointId"] = endpointId, ["displayName"] = displayName ?? endpointId, ["kind"] = kind };
        if (kind == "image-to-video")
        {
            var image = StartImageFields.FirstOrDefault(byName.ContainsKey)
                        ?? fields.Select(f => f.Name).FirstOrDefault(n => n.EndsWith("image_url", StringComparison.Ordinal) && !n.Contains("end") && !n.Contains("tail") && !n.Contains("last"))
                        ?? throw new UnusableModelException($"{endpointId} takes no start image (no image_url or start_image_url field): it is not an image-to-video model Catwalk can drive.");
            inputs["image"] = image;
            inferred.Add($"image: {image}{(byName[image].Required ? "" : " (optional)")}");
            entry["duration"] = Duration(endpointId, fields, byName, inferred);
        }
        else
        {
            inputs["images"] = "image_urls";
            inferred.Add("images: image_urls");
            if (Optional(byName, "num_images") is not null) { inputs["count"] = "num_images"; inferred.Add("count: num_images"); }
            if (Optional(byName, "output_format") is not null) inputs["outputFormat"] = "output_format";
        }
        if (Optional(byName, "negative_prompt") is not null) { inputs["negativePrompt"] = "negative_prompt"; inferred.Add("negative prompt: negative_prompt"); }
        if (Optional(byName, "seed") is not null) inputs["seed"] = "seed";
        if (Optional(byName, "resolution") is { Enum: { Count: > 0 } resolutions } resolution)
        {
            inputs["resolution"] = "resolution";
            entry["resolutions"] = new JsonArray([.. resolutions.Select(v => (JsonNode?)JsonValue.Create(v?.ToString()))]);
            if (resolution.Default is { } d) entry["defaultResolution"] = d.ToString();
            inferred.Add($"resolutions: {string.Join(", ", resolutions)}" + (resolution.Default is { } rd ? $" (default {rd})" : ""));
        }
        if (Optional(byName, "aspect_ratio") is { Enum: { Count: > 0 } ratios } aspect)
        {
            inputs["aspectRatio"] = "aspect_ratio";
            entry["aspectRatios"] = new JsonArray([.. ratios.Select(v => (JsonNode?)JsonValue.Create(v?.ToString()))]);
            if (aspect.Default is { } d) entry["defaultAspectRatio"] = d.ToString();
            inferred.Add($"aspect ratios: {string.Join(", ", ratios)}" + (aspect.Default is { } ad ? $" (default {ad})" : ""));
        }
        var audio = AudioFields.Select(n => Optional(byName, n)).FirstOrDefault(f => f?.Type == "boolean");
        if (audio is not null)
        {
            inputs["audio"] = audio.Name;
            var on = audio.Default is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            entry["audio"] = new JsonObject { ["generates"] = true, ["default"] = on };
            inferred.Add($"audio: {audio.Name} (default {(on ? "on" : "off")})");
        }
        else
        {
            entry["audio"] = new JsonObject { ["generates"] = false };
            if (kind == "image-to-video") inferred.Add("audio: none (no audio switch)");
        }
        entry["inputs"] = inputs;

        var output = schema.Output();
        var includesSeed = (output?["properties"] as JsonObject)?.ContainsKey("seed") == true;
        var fps = Optional(byName, "frames_per_second") ?? Optional(byName, "fps");
        entry["output"] = kind == "image-to-video"
            ? new JsonObject { ["media"] = OutputMedia.Video.Name(), ["fps"] = fps?.Default is JsonValue f && f.TryGetValue<int>(out var fv) ? fv : 24, ["includesSeed"] = includesSeed }
            // "images", the key an image model's result has: "image" (what this wrote before) is no OutputMedia, so the
            // entry it made for an image-edit model could not be loaded.
            : new JsonObject { ["media"] = OutputMedia.Images.Name() };
        if (kind == "image-to-video" && entry["resolutions"] is null)
        {
            entry["output"]!["resolution"] = "720p";
            warnings.Add("output resolution: the schema has no resolution input; assumed 720p");
        }
        entry["price"] = Price(kind, price, entry, inferred, warnings);
        entry["latency"] = new JsonObject { ["queueSeconds"] = 5, ["inferenceSeconds"] = kind == "image-to-video" ? 90 : 10 };
        warnings.Add("latency: a guess (5 s queue, " + (kind == "image-to-video" ? "90" : "10") + " s inference) until runs measure it");
        var scalar = fields.Where(IsScalar).ToList();
        if (fields.Count > scalar.Count)
            inferred.Add($"left out of the schema (Catwalk never sends them): {string.Join(", ", fields.Except(scalar).Select(f => $"{f.Name} ({f.Type})"))}");
        entry["schema"] = new JsonArray([.. scalar.Select(f => (JsonNode)f.ToJson())]);

        // The same checks as any catalog file: an entry that would not load is not written.
        using var check = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["version"] = 1, ["models"] = new JsonArray(entry.DeepClone()) }.ToJsonString()));
        ModelCatalog.Load(check, $"the entry inferred for {endpointId}");
        return new ImportedModel(key, entry, inferred, warnings);
    }

    /// <summary>The catalog key for an endpoint: the path after the owner without its task words (<c>alibaba/happy-horse/image-to-video</c> → <c>happy-horse</c>).</summary>
    public static string KeyFor(string endpointId)
    {
        var words = endpointId.Split('/').Skip(1).Where(p => p is not ("image-to-video" or "edit" or "image-to-image")).Select(p => p.Replace('.', '-'));
        return string.Join('-', words).ToLowerInvariant() is { Length: > 0 } key ? key : endpointId.Replace('/', '-');
    }

    private static JsonObject Duration(string endpointId, List<ImportedField> fields, Dictionary<string, ImportedField> byName, List<string> inferred)
    {
        var field = DurationFields.Select(n => Optional(byName, n)).FirstOrDefault(f => f is not null)
                    ?? throw new UnusableModelException($"{endpointId} takes no duration (none of {string.Join(", ", DurationFields)}): add it by hand as a catalog entry if its clips have one fixed length.");
        if (field.Name == "num_frames")
        {
            var fps = Optional(byName, "frames_per_second") ?? Optional(byName, "fps");
            var perSecond = fps?.Default is JsonValue f && f.TryGetValue<int>(out var fv) ? fv : 24;
            var maxFrames = (int?)(field.Maximum ?? field.Enum?.Select(v => double.Parse(v!.ToString(), CultureInfo.InvariantCulture)).DefaultIfEmpty().Max());
            var maxSeconds = Math.Max(1, ((maxFrames ?? 121) - 1) / perSecond);
            var defaultFrames = field.Default is JsonValue dv && dv.TryGetValue<int>(out var df) ? df : (int?)null;
            var defaultSeconds = Math.Clamp(defaultFrames is { } frames ? (int)Math.Round((frames - 1) / (double)perSecond) : maxSeconds, 1, maxSeconds);
            inferred.Add($"duration: num_frames at {perSecond} fps, 1–{maxSeconds} s (at most {maxFrames ?? 121} frames), default {defaultSeconds} s");
            var frameSpec = new JsonObject { ["field"] = "num_frames", ["format"] = "frames", ["framesPerSecond"] = perSecond, ["minimum"] = 1, ["maximum"] = maxSeconds, ["default"] = defaultSeconds };
            if (maxFrames is { } mf) frameSpec["maxFrames"] = mf;
            return frameSpec;
        }
        var values = field.Enum?.Select(v => v?.ToString() ?? "").ToList();
        var format = field.Type == "string" ? values is { Count: > 0 } && values.All(v => v.EndsWith('s')) ? "seconds-suffix" : "string" : "integer";
        var seconds = values?.Select(v => int.TryParse(v.TrimEnd('s'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        if (seconds is not null && seconds.Any(s => s is null)) throw new UnusableModelException($"{endpointId}: its {field.Name} values ({string.Join(", ", values!)}) are not whole seconds.");
        var spec = new JsonObject { ["field"] = field.Name, ["format"] = format };
        var parsedDefault = field.Default?.ToString().TrimEnd('s') is { } dt && int.TryParse(dt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
        if (seconds is { Count: > 0 })
        {
            spec["allowed"] = new JsonArray([.. seconds.Select(s => (JsonNode)s!.Value)]);
            spec["default"] = parsedDefault ?? seconds.Min()!.Value;
        }
        else
        {
            var min = (int)(field.Minimum ?? 1);
            var max = (int)(field.Maximum ?? throw new UnusableModelException($"{endpointId}: its {field.Name} has neither allowed values nor a maximum."));
            (spec["minimum"], spec["maximum"], spec["default"]) = (min, max, parsedDefault ?? min);
        }
        inferred.Add($"duration: {field.Name} as {(format == "integer" ? "a JSON integer" : format == "string" ? "a JSON string" : "a string with 's'")}, "
                     + (seconds is { Count: > 0 } ? string.Join("/", seconds) + " s" : $"{spec["minimum"]}–{spec["maximum"]} s") + $", default {spec["default"]} s");
        return spec;
    }

    private static JsonObject Price(string kind, PublishedPrice? price, JsonObject entry, List<string> inferred, List<string> warnings)
    {
        var asOf = price?.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (price is null)
        {
            warnings.Add("price: fal's pricing API gave none; estimates will show $0 (≈) until `catwalk models sync --apply`");
            return new JsonObject { ["basis"] = kind == "image-edit" ? "per-image" : "per-second", ["usd"] = 0, ["verified"] = false, ["note"] = "no price from fal's pricing API" };
        }
        var unit = price.Unit.Trim().ToLowerInvariant();
        var usd = price.UnitPrice;
        var source = $"fal pricing API, {asOf}: ${usd.ToString("0.####", CultureInfo.InvariantCulture)} per {price.Unit}";
        switch (unit)
        {
            case "seconds" or "second" or "s" when kind == "image-to-video":
                inferred.Add($"price: ${usd.ToString("0.####", CultureInfo.InvariantCulture)} per second of video");
                return new JsonObject { ["basis"] = "per-second", ["usd"] = usd, ["verified"] = true, ["note"] = source };
            case "videos" or "video" or "requests" or "request" when kind == "image-to-video":
                var clip = entry["duration"]!["default"]!.GetValue<int>();
                inferred.Add($"price: ${usd.ToString("0.####", CultureInfo.InvariantCulture)} per video (taken as one {clip} s clip; longer clips scale with it)");
                return new JsonObject { ["basis"] = "per-clip", ["usd"] = usd, ["clipSeconds"] = clip, ["verified"] = true, ["note"] = source };
            case "images" or "image" when kind == "image-edit":
                inferred.Add($"price: ${usd.ToString("0.####", CultureInfo.InvariantCulture)} per image");
                return new JsonObject { ["basis"] = "per-image", ["usd"] = usd, ["verified"] = true, ["note"] = source };
            default:
                warnings.Add($"price: fal bills this endpoint per '{price.Unit}', which Catwalk cannot map to a billing basis; kept as ≈${usd.ToString("0.####", CultureInfo.InvariantCulture)} per {(kind == "image-edit" ? "image" : "second")}, an estimate only");
                return new JsonObject { ["basis"] = kind == "image-edit" ? "per-image" : "per-second", ["usd"] = usd, ["verified"] = false, ["note"] = $"≈ {source} (unit not mapped)" };
        }
    }

    private static List<ImportedField> Fields(OpenApiSchema schema, string endpointId)
    {
        var input = schema.Input(endpointId) ?? throw new UnusableModelException($"{endpointId}: its OpenAPI has no POST /{endpointId} with an input schema.");
        var required = (input["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet() ?? [];
        return [.. ((input["properties"] as JsonObject) ?? []).Select(p => Field(p.Key, schema.Concrete(p.Value), required.Contains(p.Key)))];
    }

    private static bool IsScalar(ImportedField f) => f.Type is "string" or "integer" or "number" or "boolean" or "string[]";

    private static ImportedField? Optional(Dictionary<string, ImportedField> byName, string name) => byName.GetValueOrDefault(name);

    private static ImportedField Field(string name, JsonObject schema, bool required)
    {
        var type = OpenApiSchema.Type(schema) switch
        {
            "array" when schema["items"] is JsonObject items && OpenApiSchema.Type(items) == "string" => "string[]",
            "array" => "array",
            { } t => t,
            null => schema["enum"] is JsonArray e && e.All(v => v is JsonValue s && s.TryGetValue<string>(out _)) ? "string" : "object",
        };
        return new ImportedField(name, type, required, schema["default"]?.DeepClone(),
            schema["enum"] is JsonArray values ? [.. values.Select(v => v?.DeepClone())] : null,
            Int(schema, "minLength"), Int(schema, "maxLength"), Double(schema, "minimum"), Double(schema, "maximum"),
            type is "string" or "string[]" && (name.EndsWith("_url", StringComparison.Ordinal) || name.EndsWith("_urls", StringComparison.Ordinal)));
    }

    private static int? Int(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static double? Double(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<double>(out var n) ? n : null;
}
