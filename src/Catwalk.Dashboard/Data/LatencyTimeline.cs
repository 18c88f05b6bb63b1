using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// What the "latency over time" chart plots: each timed job while there are at most <see cref="MaxPoints"/>
/// (<see cref="Points"/>), else per model the mean, fastest and slowest of each of <see cref="Buckets"/> equal spans
/// (<see cref="Bins"/>, <see cref="BinWidth"/> long): a browser drawing 100,000 markers is slow, and sent over the
/// circuit they are megabytes.
/// </summary>
public sealed record LatencyTimeline(IReadOnlyList<JobRecord> Points, IReadOnlyList<LatencyBin> Bins, int Jobs)
{
    public const int MaxPoints = 3000;
    public const int Buckets = 200;

    public bool Binned => Bins.Count > 0;

    /// <summary>The bins' common width: from the first timed job to the last, in <see cref="Buckets"/> parts.</summary>
    public TimeSpan BinWidth => Binned ? TimeSpan.FromMilliseconds((double)(Bins.Max(b => b.LastAt) - Start + 1) / Buckets) : TimeSpan.Zero;

    /// <summary>When the first timed job was made (ms since the epoch).</summary>
    public long Start => Binned ? Bins.Min(b => b.FirstAt) : 0;

    /// <summary>From timed jobs already read (the image-axes filter reads every job): points or bins by the same rule.</summary>
    public static LatencyTimeline Of(IReadOnlyList<JobRecord> timed) =>
        timed.Count <= MaxPoints ? new(timed, [], timed.Count)
            : new([], LatencyBin.Of([.. timed.Select(j => (j.ModelKey, j.CreatedAt, j.LatencySec!.Value))], Buckets), timed.Count);
}
