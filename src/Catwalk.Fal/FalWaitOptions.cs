namespace Catwalk.Fal;

/// <summary>How to wait for a job, and the callbacks that see it happen.</summary>
public sealed record FalWaitOptions
{
    /// <summary>Awaited as soon as fal accepted the job and before any waiting, so the request id can be stored first.</summary>
    public Func<FalSubmission, CancellationToken, ValueTask>? OnSubmitted { get; init; }
    /// <summary>Queue position and log lines as they arrive.</summary>
    public IProgress<FalQueueStatus>? Progress { get; init; }
    /// <summary>Give up waiting after this long: a job still queued is cancelled at fal, and <see cref="FalTimeoutException"/> names its request id.</summary>
    public TimeSpan? Timeout { get; init; }
    public bool Logs { get; init; } = true;
    /// <summary>Follow fal's status stream (falling back to polling when it breaks); false: poll only.</summary>
    public bool UseStreaming { get; init; } = true;
}
