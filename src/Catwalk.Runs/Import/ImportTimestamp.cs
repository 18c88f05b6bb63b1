using System.Globalization;
using System.Text.Json;

namespace Catwalk.Runs.Import;

/// <summary>The <c>timestamp</c> of a metadata file: ISO 8601 (an offset-less one is UTC) or unix seconds (or milliseconds).</summary>
internal static class ImportTimestamp
{
    // Unix seconds stay below this until the year 5138; a larger number can only be milliseconds.
    private const double MillisecondsAbove = 1e11;

    public static DateTimeOffset? Parse(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => FromText(s.GetString()!),
        { ValueKind: JsonValueKind.Number } n => FromUnix(n.GetDouble()),
        _ => null,
    };

    /// <summary>The file-name stamp <c>meta_yyyyMMdd_HHmmss[_…].json</c>, used when the file has no usable timestamp.</summary>
    public static DateTimeOffset? FromFileName(string metadataPath)
    {
        var name = Path.GetFileNameWithoutExtension(metadataPath);
        var stamp = name.StartsWith("meta_", StringComparison.Ordinal) ? name[5..] : name;
        return stamp.Length >= 15 && DateTimeOffset.TryParseExact(stamp[..15], "yyyyMMdd_HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    private static DateTimeOffset? FromText(string text)
    {
        // The original tool wrote Python's datetime.isoformat(), often without an offset: taken as UTC, never as this machine's zone.
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? FromUnix(number) : null;
    }

    private static DateTimeOffset? FromUnix(double value)
    {
        if (!double.IsFinite(value) || value <= 0) return null;
        var ms = value > MillisecondsAbove ? value : value * 1000;
        return ms < 253_402_300_800_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(ms)) : null;
    }
}
