namespace Catwalk.Manifests.Reading;

/// <summary>One CSV row as an entry's fields; errors name the CSV, the row's line and the column.</summary>
internal sealed class CsvFields(Spot row, IReadOnlyDictionary<string, string> values) : IFields
{
    private static readonly char[] ListSeparators = [';', '|'];

    public Spot Entry { get; } = row;

    public Spot At(string key) => Entry with { Field = key };

    public bool Has(string key) => Text(key) is not null;

    public string? Text(string key) => values.TryGetValue(key, out var value) && value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A cell holding several values separated by ';' or '|' (',' separates the columns).</summary>
    public IReadOnlyList<Located>? List(string key) => Text(key)?
        .Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(item => new Located(item, At(key)))
        .ToList();
}
