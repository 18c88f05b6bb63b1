namespace Catwalk.Runs.Recommendation;

/// <summary>What a recommendation weighs: human preference, automatic quality, cost and latency.</summary>
public enum Criterion
{
    /// <summary>Bradley–Terry rating from blind votes (higher is better).</summary>
    Preference,
    /// <summary>Automatic quality: the fashion metrics when measured, else the pixel metrics (higher is better).</summary>
    Quality,
    /// <summary>$ per video second (per image for image models), billed when known (lower is better).</summary>
    Cost,
    /// <summary>Latency p50 in seconds (lower is better).</summary>
    Latency,
}

/// <summary>Names on the command line and in JSON, and which way is better.</summary>
public static class CriterionNames
{
    public static IReadOnlyList<Criterion> All { get; } = [Criterion.Preference, Criterion.Quality, Criterion.Cost, Criterion.Latency];

    public static string Name(this Criterion criterion) => criterion switch
    {
        Criterion.Preference => "preference",
        Criterion.Quality => "quality",
        Criterion.Cost => "cost",
        Criterion.Latency => "latency",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    public static Criterion? Parse(string name) => All.Cast<Criterion?>().FirstOrDefault(c => string.Equals(c!.Value.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool HigherIsBetter(this Criterion criterion) => criterion is Criterion.Preference or Criterion.Quality;
}
