namespace Catwalk.Store;

/// <summary>Aggregates over the store for views of throughput (the cluster view).</summary>
public interface IRunAnalytics
{
    /// <summary>Jobs saved (downloaded) per minute since <paramref name="since"/> (unix ms), by when they finished, oldest first.</summary>
    Task<IReadOnlyList<MinuteCount>> DownloadsPerMinuteAsync(long since, CancellationToken cancellationToken = default);
}
