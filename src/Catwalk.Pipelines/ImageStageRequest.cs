using Catwalk.Domain;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>One image-stage call: a prompt, its reference images (checked files) and how many images to make.</summary>
public sealed record ImageStageRequest
{
    public required string Prompt { get; init; }
    public IReadOnlyList<ReferenceImage> References { get; init; } = [];
    /// <summary>Defaults to Nano Banana edit with references, Nano Banana without.</summary>
    public string? ModelKey { get; init; }
    public int Count { get; init; } = 1;
    public string? AspectRatio { get; init; }
    /// <summary>Try-on models: the kind of garment (top, bottom…) sent in fal's word for it; null lets the model detect it.</summary>
    public Catwalk.Catalog.GarmentCategory? GarmentCategory { get; init; }
    public long? Seed { get; init; }
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
