namespace Catwalk.Store;

/// <summary>
/// One model's timed jobs made within one span of time: how many, their mean, fastest and slowest latency, and when the
/// first and last of them was made (ms since the epoch). The spans divide the time from the first timed job of the query
/// to its last into equal parts, numbered from 0 (<see cref="Bucket"/>).
/// </summary>
public sealed record LatencyBin(string ModelKey, int Bucket, int Count, double Mean, double Min, double Max, long FirstAt, long LastAt)
{
    /// <summary>
    /// The bins of <paramref name="timed"/> (model, when made, latency) into <paramref name="buckets"/> spans, as
    /// <see cref="IJobStatistics.LatencyTimelineAsync"/> makes them in the database: the same integer arithmetic, so a
    /// job lands in the same span either way. Ordered by model (ordinal), then span.
    /// </summary>
    public static IReadOnlyList<LatencyBin> Of(IReadOnlyList<(string ModelKey, long CreatedAt, double LatencySec)> timed, int buckets)
    {
        if (timed.Count == 0) return [];
        var low = timed.Min(t => t.CreatedAt);
        var width = timed.Max(t => t.CreatedAt) - low + 1;
        return [.. timed.GroupBy(t => (t.ModelKey, Bucket: (int)((t.CreatedAt - low) * buckets / width)))
            .OrderBy(g => g.Key.ModelKey, StringComparer.Ordinal).ThenBy(g => g.Key.Bucket)
            .Select(g => new LatencyBin(g.Key.ModelKey, g.Key.Bucket, g.Count(), g.Average(t => t.LatencySec), g.Min(t => t.LatencySec), g.Max(t => t.LatencySec),
                g.Min(t => t.CreatedAt), g.Max(t => t.CreatedAt)))];
    }
}
