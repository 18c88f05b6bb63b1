using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Catalog;

/// <summary>Reads a number from a JSON value however it was made (int, long, double, element) or from a numeric string ("6", "8s").</summary>
public static class JsonNumbers
{
    public static bool TryGet(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value) return false;
        return value.GetValueKind() switch
        {
            JsonValueKind.Number => double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.String => double.TryParse(value.GetValue<string>().TrimEnd('s', 'S'), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
