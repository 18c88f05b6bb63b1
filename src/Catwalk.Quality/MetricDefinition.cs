namespace Catwalk.Quality;

/// <summary>What one metric means: its name as stored, its range and unit, and whether higher is better (null: neither, closer to the request is).</summary>
public sealed record MetricDefinition(string Name, string Group, string Meaning, string Range, bool? HigherIsBetter);
