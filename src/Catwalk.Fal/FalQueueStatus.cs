using System.Text.Json;

namespace Catwalk.Fal;

/// <summary>One status report: queue state, position when queued, runner logs, and fal's inference time when completed.</summary>
public sealed record FalQueueStatus(FalQueueState State, int? QueuePosition, IReadOnlyList<FalLogEntry> Logs, double? InferenceSeconds, JsonElement Raw);
