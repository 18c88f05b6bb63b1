using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>Per-call settings: the generic video settings, how strictly to fit them, and where to report progress.</summary>
public sealed record VideoGenerationOptions
{
    public VideoSettings Settings { get; init; } = new();
    public FitPolicy Policy { get; init; } = FitPolicy.Exact;
    public IProgress<GenerationProgress>? Progress { get; init; }
    /// <summary>Called with the request id as soon as fal accepted the job, before waiting (so it can be stored).</summary>
    public Func<string, CancellationToken, ValueTask>? OnSubmitted { get; init; }
    public TimeSpan? Timeout { get; init; }
    /// <summary>
    /// Collect this earlier request (by its fal request id) instead of submitting a new one: how a resumed run gets
    /// a result it already paid for. <see cref="OnSubmitted"/> is not called for it.
    /// </summary>
    public string? ResumeRequestId { get; init; }
    /// <summary>When the resumed request was submitted, for its queue-wait timing.</summary>
    public DateTimeOffset? ResumeSubmittedAt { get; init; }
}
