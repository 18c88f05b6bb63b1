namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>The known name closest to a mistyped one (edit distance with transpositions), when one is close enough to be meant.</summary>
internal static class Suggestion
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && typed.Length >= 3 ? 1 : Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (name, distance);
        }
        var allowed = typed.Length <= 3 ? 1 : typed.Length <= 6 ? 2 : 3;
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
