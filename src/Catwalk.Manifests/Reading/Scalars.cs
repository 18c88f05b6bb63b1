using System.Globalization;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// Typed values from text. A manifest's values arrive as text (YAML scalars, JSON numbers, CSV cells), so "170",
/// 170 and "170" in a CSV all read the same; numbers use '.' as the decimal point whatever the machine's culture.
/// </summary>
internal static class Scalars
{
    public static double? Number(string? text, Spot at, string hint)
    {
        if (text is null) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw at.Error($"'{text}' is not a number ({hint})");
    }

    public static int? WholeNumber(string? text, Spot at, string hint)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw at.Error(IsNumber(text) ? $"{text} is not a whole number ({hint})" : $"'{text}' is not a number ({hint})");
    }

    public static long? LongNumber(string? text, Spot at, string hint)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw at.Error(IsNumber(text) ? $"{text} is not a whole number ({hint})" : $"'{text}' is not a number ({hint})");
    }

    public static decimal? Money(string? text, Spot at, string hint)
    {
        if (text is null) return null;
        // "$25" is what people write for dollars; accept it rather than make them delete one character.
        var digits = text.StartsWith('$') ? text[1..].Trim() : text;
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw at.Error($"'{text}' is not an amount ({hint})");
    }

    /// <summary>true/false, also yes/no and on/off (YAML 1.1's words), any case.</summary>
    public static bool? Flag(string? text, Spot at) => text?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw at.Error($"'{text}' is not true or false"),
    };

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);
}
