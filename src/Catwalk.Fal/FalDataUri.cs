using System.Text.Json.Nodes;

namespace Catwalk.Fal;

/// <summary>Data URIs: making one from a file (for sending images inline) and shortening them for metadata and logs.</summary>
public static class FalDataUri
{
    public static async Task<string> FromStreamAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return $"data:{contentType};base64,{Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}";
    }

    public static bool IsDataUri(string? value) => value is not null && value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && value.Contains(";base64,", StringComparison.Ordinal);

    /// <summary>"data:image/png;base64,…(12345 bytes)" for a data URI; anything else unchanged.</summary>
    public static string Elide(string value)
    {
        if (!IsDataUri(value)) return value;
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        var payload = value.AsSpan(comma + 1).TrimEnd();
        var padding = payload.EndsWith("==") ? 2 : payload.EndsWith("=") ? 1 : 0;
        var bytes = payload.Length * 3 / 4 - padding;
        return $"{value[..(comma + 1)]}…({bytes} bytes)";
    }

    /// <summary>Replaces, in place, every data-URI string in <paramref name="node"/> with its elided form; returns the node.</summary>
    public static JsonNode? ElideDataUris(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                    if (child is JsonValue v && v.TryGetValue<string>(out var s) && IsDataUri(s)) obj[name] = Elide(s);
                    else ElideDataUris(child);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var s) && IsDataUri(s)) array[i] = Elide(s);
                    else ElideDataUris(array[i]);
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && IsDataUri(text):
                return JsonValue.Create(Elide(text));
        }
        return node;
    }
}
