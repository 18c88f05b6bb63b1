namespace Catwalk.Fal.Internal;

/// <summary>
/// When a job was submitted, first seen running and first seen completed, plus fal's own inference time if it
/// reported one; turned into the queue-wait / inference / total split.
/// </summary>
internal sealed class FalJobTimeline(DateTimeOffset submittedAt)
{
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public double? InferenceSeconds { get; private set; }

    public void Observe(FalQueueStatus status, DateTimeOffset now)
    {
        if (status.State != FalQueueState.InQueue) StartedAt ??= now;
        if (status.State == FalQueueState.Completed) CompletedAt ??= now;
        if (status.InferenceSeconds is { } seconds and >= 0) InferenceSeconds = seconds;
    }

    /// <summary>fal's metrics.inference_time wins for Inference when present (then QueueWait = Total − Inference, never negative).</summary>
    public FalTimings ToTimings(DateTimeOffset now)
    {
        var total = Positive((CompletedAt ?? now) - SubmittedAt);
        if (InferenceSeconds is { } seconds)
        {
            var inference = TimeSpan.FromSeconds(seconds);
            if (inference > total) inference = total;
            return new FalTimings(total - inference, inference, total);
        }
        var queueWait = Positive((StartedAt ?? CompletedAt ?? now) - SubmittedAt);
        if (queueWait > total) queueWait = total;
        return new FalTimings(queueWait, total - queueWait, total);
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
