namespace Catwalk.Store;

/// <summary>fal's progress of one job at fal since it was last written: queued at a position, or running; new log lines.</summary>
public sealed record JobProgress(string JobId, int? QueuePosition, bool Running, IReadOnlyList<string> NewLogs);
