using Catwalk.Catalog;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>One image animated by one or many models.</summary>
public sealed record VideoStageRequest
{
    /// <summary>The first frame: a local PNG/JPEG/WebP file.</summary>
    public required string ImagePath { get; init; }
    public required string Prompt { get; init; }
    /// <summary>Model keys, or empty for every video model in the catalog.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
    public VideoSettings Settings { get; init; } = new();
    /// <summary>Refuse instead of moving a setting to the nearest supported value (always so when one model runs).</summary>
    public bool StrictSettings { get; init; }
    public RunStamp? Run { get; init; }
    public LookInfo? Look { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    public TimeSpan? Timeout { get; init; }
}
