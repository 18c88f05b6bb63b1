using Catwalk.Workers.Monitoring;

namespace Catwalk.Dashboard.Api;

/// <summary><c>GET /api/cluster</c>: a <see cref="ClusterSnapshot"/> as JSON (its per-minute tuples as named objects).</summary>
public sealed record ClusterView
{
    public required IReadOnlyList<WorkerStatus> Workers { get; init; }
    public required IReadOnlyList<QueueStatus> Queues { get; init; }
    public long Enqueued { get; init; }
    public long Processing { get; init; }
    public long Scheduled { get; init; }
    public long Succeeded { get; init; }
    public long Failed { get; init; }
    public required IReadOnlyDictionary<string, int> SlotsByEndpoint { get; init; }
    public required IReadOnlyList<MinuteCount> PerMinute { get; init; }
    public double JobsPerMinute { get; init; }

    public static ClusterView From(ClusterSnapshot s) => new()
    {
        Workers = s.Workers, Queues = s.Queues,
        Enqueued = s.Enqueued, Processing = s.Processing, Scheduled = s.Scheduled, Succeeded = s.Succeeded, Failed = s.Failed,
        SlotsByEndpoint = s.SlotsByEndpoint,
        PerMinute = [.. s.PerMinute.Select(m => new MinuteCount(DateTimeOffset.FromUnixTimeMilliseconds(m.Minute), m.Downloaded))],
        JobsPerMinute = s.JobsPerMinute,
    };
}
