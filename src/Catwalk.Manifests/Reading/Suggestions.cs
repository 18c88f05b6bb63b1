namespace Catwalk.Manifests.Reading;

/// <summary>"did you mean …?" for a misspelt field, column or model key.</summary>
internal static class Suggestions
{
    /// <summary>The known word closest to <paramref name="word"/>, or null when none is close enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var squashed = Squash(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            // kebab-case, camelCase and case differences are the same word: suggest it whatever the edit distance.
            if (Squash(candidate) == squashed) return candidate;
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        // Allow about one slip per three letters, at least two (swapped letters cost two).
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>"; did you mean 'models'?" or "; the fields are a, b, c".</summary>
    public static string Hint(string word, IReadOnlyCollection<string> known, string listName) =>
        Closest(word, known) is { } close ? $"; did you mean '{close}'?" : $"; {listName} are {string.Join(", ", known)}";

    private static string Squash(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
