namespace Catwalk.Generation;

/// <summary>A step of one job as fal reports it: queued (with position), running (with new log lines) or done.</summary>
public sealed record GenerationProgress(string ModelKey, GenerationStage Stage, string? RequestId, int? QueuePosition, IReadOnlyList<string> Logs);
