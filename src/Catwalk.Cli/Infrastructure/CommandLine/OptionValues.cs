using System.Globalization;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>Whether a value given on the command line parses to its option's type, and how to say it when it does not.</summary>
internal static class OptionValues
{
    public static string? Problem(OptionSpec option, string value)
    {
        var type = option.ValueType;
        var ok = type switch
        {
            _ when type == typeof(string) => true,
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
            _ when type == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out _),
            _ => true, // a type Spectre converts itself; it reports its own errors
        };
        if (ok) return null;
        var expected = type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number (e.g. 2.5)",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => "a " + type.Name,
        };
        return $"{option.Name} '{value}' is not {expected}.";
    }

    /// <summary>A token that starts another option rather than being this option's value (negative numbers are values).</summary>
    public static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
