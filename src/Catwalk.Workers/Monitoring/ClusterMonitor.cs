using Catwalk.Runs.Queue;
using Catwalk.Store;
using Hangfire;

namespace Catwalk.Workers.Monitoring;

/// <summary>What the dashboard shows of the workers: Hangfire's servers and queues, and the store's slots and throughput.</summary>
public sealed class ClusterMonitor(JobStorage storage, ISlotStore slotStore, IRunAnalytics analytics, TimeProvider time) : IClusterMonitor
{
    public static TimeSpan Window => IClusterMonitor.Window;

    public async Task<ClusterSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var monitoring = storage.GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        var slots = await slotStore.ListSlotsAsync(cancellationToken).ConfigureAwait(false);
        var held = slots.GroupBy(s => s.Owner).ToDictionary(g => g.Key, g => g.Count());
        var since = (time.GetUtcNow() - Window).ToUnixTimeMilliseconds();
        var perMinute = await analytics.DownloadsPerMinuteAsync(since, cancellationToken).ConfigureAwait(false);
        return new ClusterSnapshot
        {
            Workers = [.. monitoring.Servers().OrderBy(s => s.Name).Select(s => new WorkerStatus(
                s.Name, s.WorkersCount, [.. s.Queues], s.StartedAt, s.Heartbeat,
                // Hangfire names a server "<our name>:<its own id>", lower-cased.
                held.Where(h => s.Name.StartsWith(h.Key.ToLowerInvariant(), StringComparison.Ordinal)).Sum(h => h.Value)))],
            Queues = [.. monitoring.Queues().Select(q => new QueueStatus(q.Name, q.Length, q.Fetched ?? 0))],
            Enqueued = stats.Enqueued, Processing = stats.Processing, Scheduled = stats.Scheduled, Succeeded = stats.Succeeded, Failed = stats.Failed,
            SlotsByEndpoint = slots.GroupBy(s => s.EndpointId).ToDictionary(g => g.Key, g => g.Count()),
            PerMinute = perMinute,
            JobsPerMinute = Math.Round(perMinute.Sum(m => m.Downloaded) / Window.TotalMinutes, 2),
        };
    }
}
