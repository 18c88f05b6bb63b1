using System.Text.Encodings.Web;
using System.Text.Json;

namespace Catwalk.Dashboard.Data;

/// <summary>Indents stored JSON for reading; text that is not JSON is shown as it is.</summary>
public static class PrettyJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return "";
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
