namespace Catwalk.Generation;

public sealed record ImageGenerationOptions
{
    public int Count { get; init; } = 1;
    public string? AspectRatio { get; init; }
    public long? Seed { get; init; }
    public string? OutputFormat { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    public Func<string, CancellationToken, ValueTask>? OnSubmitted { get; init; }
    public TimeSpan? Timeout { get; init; }
}
