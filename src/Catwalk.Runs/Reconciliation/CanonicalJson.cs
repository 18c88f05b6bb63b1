using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal;

namespace Catwalk.Runs.Reconciliation;

/// <summary>
/// Whether two request inputs are the same call: objects whatever their key order, numbers by value (1 and 1.0),
/// strings exactly; data URIs compared as Catwalk records them (elided), since the recorded arguments never keep the data.
/// </summary>
internal static class CanonicalJson
{
    public static bool SameInput(JsonNode? recorded, JsonNode? sent) => Same(recorded, FalDataUri.ElideDataUris(sent?.DeepClone()));

    private static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var other) && Same(p.Value, other)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(pair => Same(pair.First, pair.Second)),
        (JsonValue x, JsonValue y) => SameValue(x, y),
        _ => false,
    };

    private static bool SameValue(JsonValue a, JsonValue b)
    {
        var (x, y) = (a.GetValueKind(), b.GetValueKind());
        if (x != y) return false;
        return x switch
        {
            JsonValueKind.Number => Number(a) is { } m && Number(b) is { } n ? m == n : a.ToJsonString() == b.ToJsonString(),
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            _ => true, // true, false, null: the kind is the value
        };
    }

    private static decimal? Number(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
