namespace Catwalk.Runs.Queue;

/// <summary>A run stored and put on the workers' queue: its id, how many jobs were enqueued, its estimate and the queue.</summary>
public sealed record QueuedRun(string RunId, int Jobs, decimal EstimatedCostUsd, string Queue)
{
    /// <summary>Where the workers save its files (absolute).</summary>
    public string? OutputRoot { get; init; }
}
