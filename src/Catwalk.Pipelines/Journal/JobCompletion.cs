using System.Text.Json;

namespace Catwalk.Pipelines.Journal;

/// <summary>fal finished the job: its answer and how long it queued and ran.</summary>
public sealed record JobCompletion(string RequestId, JsonElement RawResponse, TimeSpan QueueWait, TimeSpan Inference);
