using System.Text.RegularExpressions;
using CsvHelper;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// A CSV of people or outfits named by a manifest's <c>csv:</c> entry. The first line names the columns (any case,
/// any order); cells are separated by ','; empty cells are absent values.
/// </summary>
internal static partial class CsvTable
{
    /// <param name="written">The path as written in the manifest.</param>
    /// <param name="reference">Where the manifest names the CSV, for errors about the file as a whole.</param>
    /// <param name="list">"people" or "outfits", for messages.</param>
    /// <param name="columns">The columns allowed.</param>
    /// <param name="required">Columns of which every CSV of this kind must have one ("images" or "image").</param>
    public static IReadOnlyList<CsvFields> Read(string written, SourceFile manifest, Spot reference, string list, IReadOnlyCollection<string> columns, IReadOnlyList<string> required)
    {
        var full = LocalFiles.Check(written, manifest, reference, "CSV file");
        var csv = SourceFile.Csv(manifest, written, full);
        var rows = new List<CsvFields>();
        try
        {
            var options = new CsvReaderOptions
            {
                // Fixed, not detected: ';' and '|' separate the images inside a cell and would fool detection.
                Separator = ',',
                TrackLineNumbers = true,
                TrimWhitespace = true,
                MalformedData = CsvMalformedDataHandling.Throw,
            };
            using var reader = CsvReader.FromFile(full, options);
            var header = Header(reader.Headers, new Spot(csv, 1, null, null, InCsv: true), list, columns, required, written);
            while (reader.Read())
            {
                if (rows.Count >= ManifestReader.MaxLooks)
                    throw reference.Error($"'{written}' has more than {ManifestReader.MaxLooks:N0} rows; split the batch into several manifests");
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, index) in header)
                    if (index < reader.FieldCount) values[name] = reader.GetString(index);
                rows.Add(new CsvFields(new Spot(csv, (int)reader.LineNumber, null, null, InCsv: true), values));
            }
        }
        catch (CsvFormatException e)
        {
            throw new Spot(csv, e.LineNumber > 0 ? (int)e.LineNumber : null, null, null, InCsv: true).Error($"this is not valid CSV: {Reason(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw reference.Error($"CSV file '{written}' ({full}) cannot be read: {e.Message}", e);
        }
        if (rows.Count == 0)
            throw reference.Error($"CSV file '{written}' has no rows under its header; add one line per entry of {list}");
        return rows;
    }

    /// <summary>Column name → index, after checking the names: a misspelt column would otherwise be silently ignored.</summary>
    private static List<(string Name, int Index)> Header(IReadOnlyList<string> headers, Spot line1, string list, IReadOnlyCollection<string> columns, IReadOnlyList<string> required, string written)
    {
        if (headers.Count == 0)
            throw line1.Error($"'{written}' is empty; its first line must name the columns, e.g. {string.Join(",", columns)}");
        var header = new List<(string Name, int Index)>();
        for (var index = 0; index < headers.Count; index++)
        {
            var name = headers[index].Trim().ToLowerInvariant();
            if (name.Length == 0) continue; // spreadsheets add unnamed trailing columns; they hold nothing we read
            if (!columns.Contains(name))
                throw (line1 with { Field = name }).ErrorWithoutField($"'{headers[index].Trim()}' is not a column of {list}{Suggestions.Hint(name, columns, "the columns")}");
            if (header.Any(h => h.Name == name))
                throw (line1 with { Field = name }).Error("this column appears twice");
            header.Add((name, index));
        }
        if (!header.Any(h => required.Contains(h.Name)))
        {
            var names = string.Join(" or ", required.Select(r => $"'{r}'"));
            throw (line1 with { Field = required[0] }).ErrorWithoutField($"the header has no {names} column; the columns are {string.Join(",", columns)}");
        }
        return header;
    }

    /// <summary>CsvHelper's reason without the record number and byte offset we already give as a line.</summary>
    private static string Reason(string message)
    {
        var match = ReasonPattern().Match(message);
        return match.Success ? match.Groups[1].Value : message;
    }

    [GeneratedRegex(@"\): (.*?)(?: \(byte offset \d+\))?\.?$")]
    private static partial Regex ReasonPattern();
}
