namespace Catwalk.Runs.Recommendation;

/// <summary>Percentiles of sorted values by linear interpolation between the closest ranks (numpy's default).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 1) return sorted[0];
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
