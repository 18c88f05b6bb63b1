namespace Catwalk.Runs.Reports;

/// <summary>Latency in seconds over the jobs that produced a result: min, mean, median, 95th percentile, max, and the quartiles (a box plot's box).</summary>
public sealed record LatencyStats(double Min, double Avg, double P50, double P95, double Max)
{
    /// <summary>The first quartile (25th percentile).</summary>
    public double P25 { get; init; }

    /// <summary>The third quartile (75th percentile).</summary>
    public double P75 { get; init; }

    public static LatencyStats? Of(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        if (sorted.Length == 0) return null;
        return new LatencyStats(sorted[0], Math.Round(sorted.Average(), 3), Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1])
        {
            P25 = Percentile(sorted, 0.25), P75 = Percentile(sorted, 0.75),
        };
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default), so small samples give sensible values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 1) return sorted[0];
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low), 3);
    }
}
