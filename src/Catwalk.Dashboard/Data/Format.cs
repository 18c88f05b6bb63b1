using System.Globalization;

namespace Catwalk.Dashboard.Data;

/// <summary>Numbers as the views show them, the same in every culture.</summary>
public static class Format
{
    public static string Usd(decimal? value) => value is { } v ? "$" + v.ToString("0.00##", CultureInfo.InvariantCulture) : "–";

    public static string Seconds(double? value) => value is { } v ? v.ToString("0.0#", CultureInfo.InvariantCulture) + " s" : "–";

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A span of time in its largest sensible unit: "40 s", "12 min", "3.5 h", "2.1 days".</summary>
    public static string Span(TimeSpan span) =>
        span.TotalMinutes < 1 ? span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"
        : span.TotalHours < 1 ? span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min"
        : span.TotalDays < 1 ? span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h"
        : span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days";
}
