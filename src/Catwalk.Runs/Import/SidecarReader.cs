using System.Globalization;
using System.Text.Json;

namespace Catwalk.Runs.Import;

/// <summary>Reads a metadata file's JSON into a <see cref="Sidecar"/>, forgiving about types, strict only about it being a JSON object.</summary>
internal static class SidecarReader
{
    public static Sidecar Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new SidecarException("The file is empty. Delete it, or restore it from a backup, and import again.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new SidecarException($"The file is not valid JSON{where} ({Cut(e.Message)}); it may have been cut short. Fix or delete it and import again.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SidecarException($"The file holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a JSON object with prompt, model and timestamp; it is not a metadata file the original tool or Catwalk wrote. Move it out of the folder and import again.");
            return FromObject(root);
        }
    }

    private static Sidecar FromObject(JsonElement o)
    {
        var raw = Property(o, "raw_response");
        var latency = Property(o, "latency");
        var file = Property(o, "file");
        var images = Property(o, "images");
        return new Sidecar
        {
            Prompt = Text(o, "prompt"),
            Model = Text(o, "model"),
            Endpoint = Text(o, "endpoint"),
            DurationSec = Number(Property(o, "duration_sec")),
            RequestedDurationSec = Number(Property(o, "requested_duration_sec")) is { } requested ? (int)Math.Round(requested) : null,
            ReferenceImage = Text(o, "reference_image"),
            ReferenceImages = Texts(Property(o, "reference_images")),
            LatencySec = Number(Property(o, "latency_sec")),
            Timestamp = ImportTimestamp.Parse(Property(o, "timestamp")),
            RawResponse = raw is { ValueKind: not JsonValueKind.Null } r ? r.GetRawText() : null,
            ResponseImages = raw is { ValueKind: JsonValueKind.Object } ro && Property(ro, "images") is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0,
            ResponseHasVideo = raw is { ValueKind: JsonValueKind.Object } rv && Property(rv, "video") is { ValueKind: JsonValueKind.Object },
            RunId = Text(o, "run_id"),
            RequestId = Text(o, "request_id"),
            CachedFrom = Text(o, "cached_from"),
            QueueSec = Number(Property(latency, "queue_wait_sec")),
            InferenceSec = Number(Property(latency, "inference_sec")),
            DownloadSec = Number(Property(latency, "download_sec")),
            EstimatedCostUsd = Money(Property(o, "estimated_cost_usd")),
            CostUsd = Money(Property(o, "cost_usd")),
            Files = Text(file, "path") is { } path ? [path]
                : images is { ValueKind: JsonValueKind.Array } ? [.. images.Value.EnumerateArray().Select(i => Text(i, "path")).OfType<string>()] : [],
            FileContentType = Text(file, "content_type")
                ?? (images is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? Text(a[0], "content_type") : null),
            Emulated = Property(o, "emulated") is { ValueKind: JsonValueKind.True },
        };
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } s && s.GetString() is { Length: > 0 } text ? text : null;

    private static IReadOnlyList<string> Texts(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)],
        { ValueKind: JsonValueKind.String } s when s.GetString() is { Length: > 0 } one => [one],
        _ => [],
    };

    /// <summary>
    /// A finite number, or a string holding one ("8" or "8s"): hand-edited files and fal's own duration strings
    /// both appear in old metadata, and a readable value beats none.
    /// </summary>
    private static double? Number(JsonElement? element)
    {
        double value;
        if (element is { ValueKind: JsonValueKind.Number } n) value = n.GetDouble();
        else if (element is { ValueKind: JsonValueKind.String } s
                 && double.TryParse(s.GetString()!.Trim().TrimEnd('s', 'S'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
        else return null;
        return double.IsFinite(value) ? value : null;
    }

    private static decimal? Money(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var usd) ? usd
        : Number(element) is { } d && Math.Abs(d) < 1e9 ? (decimal)d : null;

    private static string Cut(string message) => message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd('.');
}
