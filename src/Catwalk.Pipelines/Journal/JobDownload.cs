namespace Catwalk.Pipelines.Journal;

/// <summary>The job's media is saved and described: everything the store indexes about it.</summary>
public sealed record JobDownload
{
    public required SavedMedia File { get; init; }
    public required string MetadataPath { get; init; }
    public required string MetadataJson { get; init; }
    public double DownloadSec { get; init; }
    public double LatencySec { get; init; }
    public double? DurationSec { get; init; }
    /// <summary>What the job cost: its estimate when it ran, 0 when its result came from the cache.</summary>
    public decimal CostUsd { get; init; }
    public string? CachedFromRequestId { get; init; }
    public string? Prompt { get; init; }
}
