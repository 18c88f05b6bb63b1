using System.Text.RegularExpressions;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>Reading the served leaderboard page: its ranked models and its interval cells.</summary>
public static partial class LeaderboardHtml
{
    /// <summary>The models of the leaderboard table, best first.</summary>
    public static List<string> Ranked(string html)
    {
        var table = html[html.IndexOf("data-testid=\"leaderboard\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. RowRegex().Matches(table).Select(m => m.Groups[1].Value)];
    }

    /// <summary>How many "lower – upper" interval cells the page has.</summary>
    public static int Intervals(string html) => IntervalRegex().Matches(html).Count;

    [GeneratedRegex("<tr data-model=\"([^\"]+)\"")]
    private static partial Regex RowRegex();

    [GeneratedRegex("class=\"interval\">\\d+ – \\d+<")]
    private static partial Regex IntervalRegex();
}
