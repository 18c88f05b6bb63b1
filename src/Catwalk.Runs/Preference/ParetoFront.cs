namespace Catwalk.Runs.Preference;

/// <summary>One model as a trade-off: quality (higher is better), cost per unit — a video second, or an image — and latency (lower is better).</summary>
public sealed record ParetoPoint(string Model, double Quality, double CostUsd, double LatencySec)
{
    /// <summary>At least as good on all three and strictly better on one.</summary>
    public bool Dominates(ParetoPoint other) =>
        Quality >= other.Quality && CostUsd <= other.CostUsd && LatencySec <= other.LatencySec
        && (Quality > other.Quality || CostUsd < other.CostUsd || LatencySec < other.LatencySec);
}

public static class ParetoFront
{
    /// <summary>The models no other model dominates: the ones worth paying for on some weighting of the three.</summary>
    public static IReadOnlySet<string> NonDominated(IReadOnlyList<ParetoPoint> points) =>
        points.Where(p => !points.Any(q => !ReferenceEquals(p, q) && q.Dominates(p))).Select(p => p.Model).ToHashSet(StringComparer.Ordinal);
}
