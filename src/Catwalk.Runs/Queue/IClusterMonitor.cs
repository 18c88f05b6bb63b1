namespace Catwalk.Runs.Queue;

/// <summary>What the dashboard shows of the workers (implemented over Hangfire and the store in Catwalk.Workers).</summary>
public interface IClusterMonitor
{
    /// <summary>How far back <see cref="ClusterSnapshot.PerMinute"/> reaches.</summary>
    static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    Task<ClusterSnapshot> SnapshotAsync(CancellationToken cancellationToken = default);
}
