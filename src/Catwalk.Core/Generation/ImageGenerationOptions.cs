namespace Catwalk.Generation;

public sealed record ImageGenerationOptions
{
    public int Count { get; init; } = 1;
    public string? AspectRatio { get; init; }
    public long? Seed { get; init; }
    public string? OutputFormat { get; init; }
    /// <summary>Try-on models: the kind of garment sent (fal's word for it from the catalog); null lets the model detect it.</summary>
    public Catwalk.Catalog.GarmentCategory? GarmentCategory { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    public TimeSpan? Timeout { get; init; }
    /// <summary>
    /// Collect this earlier generation (fal's request id and when it was sent) instead of sending a new one: how a resumed
    /// run gets a result it already paid for. Nothing is sent, so <see cref="Journal"/> hears nothing.
    /// </summary>
    public GenerationContinuation? Continuation { get; init; }
    /// <summary>Told the exact arguments before they are sent and the continuation before any waiting (a run's journal).</summary>
    public IGenerationJournal? Journal { get; init; }
}
