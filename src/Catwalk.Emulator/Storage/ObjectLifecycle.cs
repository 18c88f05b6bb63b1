using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Storage;

/// <summary>
/// Reads how long an upload is to live from its initiate request: <c>X-Fal-Object-Lifecycle</c> (what fal's JS client
/// sends on direct uploads), else <c>X-Fal-Object-Lifecycle-Preference</c> (the Python client sends both), each a JSON
/// object <c>{"expiration_duration_seconds": N}</c> where null (or no header) means no expiry.
/// </summary>
internal static class ObjectLifecycle
{
    public static readonly string[] Headers = ["X-Fal-Object-Lifecycle", "X-Fal-Object-Lifecycle-Preference"];

    /// <summary>The lifetime asked for (null: none); false with a reason when a header is there but not such an object.</summary>
    public static bool TryRead(IHeaderDictionary headers, out TimeSpan? lifetime, out string? problem)
    {
        (lifetime, problem) = (null, null);
        foreach (var name in Headers)
        {
            var value = headers[name].ToString();
            if (value.Length == 0) continue;
            if (TryParse(value, out lifetime)) return true;
            problem = $"{name} must be a JSON object with a positive integer expiration_duration_seconds (or null), not '{value}'.";
            return false;
        }
        return true;
    }

    /// <summary>The header's lifetime (null for no expiry); false when the value is not a lifecycle object.</summary>
    private static bool TryParse(string value, out TimeSpan? lifetime)
    {
        lifetime = null;
        try
        {
            using var json = JsonDocument.Parse(value);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return false;
            if (!json.RootElement.TryGetProperty("expiration_duration_seconds", out var seconds) || seconds.ValueKind == JsonValueKind.Null) return true;
            if (seconds.ValueKind != JsonValueKind.Number || !seconds.TryGetInt64(out var n) || n <= 0) return false;
            lifetime = TimeSpan.FromSeconds(n);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
