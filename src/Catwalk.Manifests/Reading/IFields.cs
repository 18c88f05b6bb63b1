namespace Catwalk.Manifests.Reading;

/// <summary>
/// The fields of one entry (a person, an outfit), whether written in the manifest or as a CSV row, so both are read
/// and checked by the same code and give the same messages.
/// </summary>
internal interface IFields
{
    /// <summary>The entry as a whole (its first line).</summary>
    Spot Entry { get; }

    /// <summary>Where the field is; for a missing field, the entry's line with the field's name.</summary>
    Spot At(string key);

    /// <summary>Whether the field is given (not absent, null or empty).</summary>
    bool Has(string key);

    /// <summary>The trimmed value; null when the field is absent, null or empty.</summary>
    string? Text(string key);

    /// <summary>The values of a list field (a YAML list or single value; a CSV cell split at ';' or '|'); null when absent.</summary>
    IReadOnlyList<Located>? List(string key);
}
