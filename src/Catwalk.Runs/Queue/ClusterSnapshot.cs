using Catwalk.Store;

namespace Catwalk.Runs.Queue;

/// <summary>
/// The cluster at one moment: workers, queues, Hangfire's job counts, per-endpoint slots in use, and throughput
/// (videos and images saved per minute over the last <see cref="IClusterMonitor.Window"/>).
/// </summary>
public sealed record ClusterSnapshot
{
    public required IReadOnlyList<WorkerStatus> Workers { get; init; }
    public required IReadOnlyList<QueueStatus> Queues { get; init; }
    public long Enqueued { get; init; }
    public long Processing { get; init; }
    public long Scheduled { get; init; }
    public long Succeeded { get; init; }
    public long Failed { get; init; }
    /// <summary>Slots held per endpoint right now (jobs being worked on at each model).</summary>
    public required IReadOnlyDictionary<string, int> SlotsByEndpoint { get; init; }
    /// <summary>(minute as unix ms, jobs saved in it), oldest first.</summary>
    public required IReadOnlyList<MinuteCount> PerMinute { get; init; }
    /// <summary>Jobs saved per minute, averaged over the window.</summary>
    public double JobsPerMinute { get; init; }
}
