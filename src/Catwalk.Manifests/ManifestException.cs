using Catwalk.Domain;

namespace Catwalk.Manifests;

/// <summary>
/// A mistake in a batch manifest (or a CSV it names): the message says which file, line and field, what is wrong
/// and how to fix it, e.g. "batch.yaml line 12, people[1].height: 'tall' is not a number (give centimetres, e.g. height: 175)."
/// </summary>
public sealed class ManifestException(string message, string sourcePath, int? line = null, int? column = null, string? field = null, Exception? inner = null)
    : InvalidInputException(message, inner)
{
    /// <summary>The file with the mistake: the manifest as named to the reader, or the full path of a CSV it names.</summary>
    public string SourcePath { get; } = sourcePath;

    /// <summary>1-based line in <see cref="SourcePath"/>; null when the whole file is at fault (missing, unreadable).</summary>
    public int? Line { get; } = line;

    /// <summary>1-based column, when known (syntax errors).</summary>
    public int? Column { get; } = column;

    /// <summary>The field, e.g. "people[1].height" (0-based indexes), or the column name in a CSV.</summary>
    public string? Field { get; } = field;
}
