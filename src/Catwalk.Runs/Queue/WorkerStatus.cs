namespace Catwalk.Runs.Queue;

/// <summary>One live worker process: its Hangfire server and the jobs it holds slots for.</summary>
public sealed record WorkerStatus(string Name, int Concurrency, IReadOnlyList<string> Queues, DateTime StartedAtUtc, DateTime? HeartbeatUtc, int JobsHeld);
