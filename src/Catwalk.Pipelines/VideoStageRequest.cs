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
    /// <summary>
    /// How settings are fitted, when the caller knows better than this request's model list: a worker doing one model
    /// of a run that asked for several fits as the whole run would (nearest), not as a single-model run (exact).
    /// </summary>
    public Catalog.FitPolicy? FitPolicy { get; init; }
    public RunStamp? Run { get; init; }
    public LookInfo? Look { get; init; }
    public IProgress<GenerationProgress>? Progress { get; init; }
    public TimeSpan? Timeout { get; init; }
    /// <summary>Records each job so the run can be resumed; none by default.</summary>
    public Journal.IJobJournal? Journal { get; init; }
    /// <summary>Which input of the run this is (a batch's look and duration); names the job in the journal.</summary>
    public string InputKey { get; init; } = "default";
    /// <summary>Added to file names so several inputs of one run do not collide; null keeps the original names.</summary>
    public string? FileTag { get; init; }
    /// <summary>Reuse an identical earlier job's result instead of paying again (when the journal has one).</summary>
    public bool UseCache { get; init; } = true;
}
