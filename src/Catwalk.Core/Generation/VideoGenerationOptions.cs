using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>Per-call settings: the generic video settings, how strictly to fit them, and where to report progress.</summary>
public sealed record VideoGenerationOptions
{
    public VideoSettings Settings { get; init; } = new();
    public FitPolicy Policy { get; init; } = FitPolicy.Exact;
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
