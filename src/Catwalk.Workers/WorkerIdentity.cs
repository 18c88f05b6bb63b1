namespace Catwalk.Workers;

/// <summary>
/// Who a worker process is: its unique name (it owns its slots in the store by it), whether its calls go to an
/// emulator, and how long its slots live without renewal — how soon another worker may take over a dead one's job.
/// </summary>
public sealed record WorkerIdentity(string Name, bool Emulated)
{
    public TimeSpan SlotTimeToLive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job waits in-thread for its full endpoint before going back to the queue (<see cref="RescheduleWhenBusyAttribute"/>).</summary>
    public TimeSpan EndpointWait { get; init; } = TimeSpan.FromSeconds(10);

    public string Queue => WorkerQueues.For(Emulated);

    /// <summary>host:pid:random — unique per process, readable in the dashboard.</summary>
    public static string NewName(string? prefix = null) =>
        $"{prefix ?? Environment.MachineName.ToLowerInvariant()}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
