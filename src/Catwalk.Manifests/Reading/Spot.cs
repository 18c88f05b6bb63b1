namespace Catwalk.Manifests.Reading;

/// <summary>Where a value is: the file, the line (and column) and the field. Makes the errors that point there.</summary>
/// <param name="Field">"people[1].height" in the manifest; the column name in a CSV.</param>
/// <param name="InCsv">Messages call the field "column 'x'" in a CSV.</param>
internal sealed record Spot(SourceFile File, int? Line, int? Column, string? Field, bool InCsv = false)
{
    public Spot WithField(string? field) => this with { Field = field };

    /// <summary>"batch.yaml line 12, people[1].height", or "people.csv line 3, column 'height'".</summary>
    public string Describe(bool withField = true)
    {
        var where = Line is { } line ? $"{File.Display} line {line}" : File.Display;
        if (Column is { } column && Field is null) where += $", column {column}";
        if (!withField || Field is null) return where;
        return InCsv ? $"{where}, column '{Field}'" : $"{where}, {Field}";
    }

    /// <summary>An error here whose message names the field.</summary>
    public ManifestException Error(string problem, Exception? inner = null) => Make(Describe(), problem, inner);

    /// <summary>An error here whose problem text already names the field (unknown keys), so the field is not repeated.</summary>
    public ManifestException ErrorWithoutField(string problem) => Make(Describe(withField: false), problem, null);

    private ManifestException Make(string where, string problem, Exception? inner)
    {
        var text = $"{where}: {problem}";
        // Every message ends like a sentence, whatever the problem text ended with.
        if (!text.EndsWith('.') && !text.EndsWith('?') && !text.EndsWith('\n')) text += ".";
        return new ManifestException(text, File.Path, Line, Column, Field, inner);
    }
}
