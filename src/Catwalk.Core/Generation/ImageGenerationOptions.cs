namespace Catwalk.Generation;

public sealed record ImageGenerationOptions
{
    public int Count { get; init; } = 1;
    public string? AspectRatio { get; init; }
    public long? Seed { get; init; }
    public string? OutputFormat { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    /// <summary>Called with the arguments just before they are sent (not for a resumed request): a journal records them first.</summary>
    public Func<System.Text.Json.Nodes.JsonObject, CancellationToken, ValueTask>? OnSubmitting { get; init; }
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
