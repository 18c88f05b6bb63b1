namespace Catwalk.Store;

/// <summary>The fields a state change sets; null leaves a field as it was.</summary>
public sealed record JobUpdate
{
    public string? RequestId { get; init; }
    public long? SubmittedAt { get; init; }
    public long? CompletedAt { get; init; }
    public string? Error { get; init; }
    /// <summary>Clears a previous error (a job reopened by resume).</summary>
    public bool ClearError { get; init; }
    /// <summary>What was sent to fal (media URLs elided), recorded before sending.</summary>
    public string? ArgumentsJson { get; init; }
    /// <summary>When the send began (unix ms), with the arguments; a new send replaces it.</summary>
    public long? SendStartedAt { get; init; }
    /// <summary>The start deadline the send carries (seconds).</summary>
    public double? StartDeadlineSec { get; init; }
    public string? ResultJson { get; init; }
    public decimal? CostUsd { get; init; }
    public double? QueueSec { get; init; }
    public double? InferenceSec { get; init; }
    public double? DownloadSec { get; init; }
    public double? LatencySec { get; init; }
    public double? DurationSec { get; init; }
    public string? FilePath { get; init; }
    public string? FileSha256 { get; init; }
    public long? FileBytes { get; init; }
    public string? ContentType { get; init; }
    public string? MetadataPath { get; init; }
    public string? MetadataJson { get; init; }
    public string? CachedFromJobId { get; init; }
    public string? CacheKey { get; init; }
    public string? Detail { get; init; }
}
