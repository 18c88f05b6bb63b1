namespace Catwalk.Runs.Quality;

/// <summary>Which metrics <c>catwalk metrics --run/--all</c> computes: all of them, or only the fashion metrics (added to the stored ones).</summary>
public enum MetricsPart
{
    All,
    Fashion,
}
