using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>The Platform APIs' query conventions: multi-value ids (comma list or repeated), cursors, dates, limits.</summary>
internal static class PlatformQuery
{
    /// <summary>Every value of a multi-value parameter: <c>?id=a,b</c> and <c>?id=a&amp;id=b</c> alike.</summary>
    public static IReadOnlyList<string> Values(HttpRequest request, string name) =>
        [.. request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    /// <summary>The 0-based page a cursor names; fal's cursor is the base64 of the 1-based page number ("Mg==" is page 2).</summary>
    public static int? Page(HttpRequest request)
    {
        var cursor = request.Query["cursor"].ToString();
        if (cursor.Length == 0) return 0;
        try { return int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), out var page) && page >= 1 ? page - 1 : null; }
        catch (FormatException) { return null; }
    }

    public static string? CursorAfter(int page, bool hasMore) => hasMore ? Convert.ToBase64String(Encoding.UTF8.GetBytes((page + 2).ToString(CultureInfo.InvariantCulture))) : null;

    /// <summary>An integer limit within bounds; null when it is not one.</summary>
    public static int? Limit(HttpRequest request, int fallback, int max)
    {
        var text = request.Query["limit"].ToString();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max ? n : null;
    }

    /// <summary>ISO 8601 date-time or <c>YYYY-MM-DD</c> (midnight UTC); <c>fallback</c> when absent, null when unreadable.</summary>
    public static DateTimeOffset? Date(HttpRequest request, string name, DateTimeOffset fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }
}
