namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>Lists in words: "a", "a and b", "a, b and c".</summary>
internal static class Words
{
    public static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
