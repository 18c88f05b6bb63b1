namespace Catwalk.Quality;

/// <summary>
/// What one metric means: its name as stored, its range and unit, and whether higher is better (null: neither, closer to
/// the request is); <paramref name="FlagAt"/> is where a flag starts (below it when higher is better, above when lower is).
/// </summary>
public sealed record MetricDefinition(string Name, string Group, string Meaning, string Range, bool? HigherIsBetter, double? FlagAt = null);
