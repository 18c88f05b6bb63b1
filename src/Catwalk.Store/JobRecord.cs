using Catwalk.Domain;
namespace Catwalk.Store;

/// <summary>One job: one stage × model × input of a run, with everything known about it so far. Times are unix ms.</summary>
public sealed record JobRecord
{
    public required string Id { get; init; }
    public required string RunId { get; init; }
    public required StageKind Stage { get; init; }
    public required string ModelKey { get; init; }
    public required string EndpointId { get; init; }
    public required string InputKey { get; init; }
    /// <summary>The job whose output this one consumes (a video: its look's image), as planned; null when it needs none.</summary>
    public string? InputJobId { get; init; }
    public string? LookId { get; init; }
    public string? PersonId { get; init; }
    public string? OutfitId { get; init; }
    public string? SettingId { get; init; }
    public int? RequestedDuration { get; init; }
    public JobState State { get; init; } = JobState.Planned;
    public string? RequestId { get; init; }
    public string? CacheKey { get; init; }
    public string? CachedFromJobId { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    public decimal? CostUsd { get; init; }
    public double? QueueSec { get; init; }
    public double? InferenceSec { get; init; }
    public double? DownloadSec { get; init; }
    public double? LatencySec { get; init; }
    public double? DurationSec { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long? SubmittedAt { get; init; }
    public long? CompletedAt { get; init; }
    public string? Error { get; init; }
    public string? FilePath { get; init; }
    public string? FileSha256 { get; init; }
    public long? FileBytes { get; init; }
    public string? ContentType { get; init; }
    public string? MetadataPath { get; init; }
    public string? MetadataJson { get; init; }
    /// <summary>What was sent to fal (media URLs elided), recorded before sending.</summary>
    public string? ArgumentsJson { get; init; }
    public string? ResultJson { get; init; }
    public string? Prompt { get; init; }
    public bool Emulated { get; init; }
    public string Source { get; init; } = "catwalk";
    public string? ImportKey { get; init; }
    /// <summary>fal's queue position while the job waits there (null once it runs, or when unknown).</summary>
    public int? QueuePosition { get; init; }
    /// <summary>When fal reported it running (unix ms); null while queued or before.</summary>
    public long? RunningSince { get; init; }
    /// <summary>fal's last log lines for this job (at most <see cref="IJobProgressStore.KeptLogLines"/>), as a JSON array.</summary>
    public string? LastLogs { get; init; }

    /// <summary>When the send to fal began (unix ms), recorded with the arguments before the POST: the start of the window in which fal's request history can show it.</summary>
    public long? SendStartedAt { get; init; }
    /// <summary>The start deadline the submit carried (<c>x-fal-request-timeout</c>, seconds): a request fal has not started by then is dropped, never billed.</summary>
    public double? StartDeadlineSec { get; init; }
    /// <summary>What fal billed for this job (USD, after account discounts), once fetched (<c>report --billed</c>); null when never fetched.</summary>
    public decimal? BilledUsd { get; init; }
    /// <summary>When <see cref="BilledUsd"/> was fetched (unix ms).</summary>
    public long? BilledAt { get; init; }
    /// <summary>Where <see cref="BilledUsd"/> came from: <c>billing_events</c> (per request) or <c>usage</c> (the run's window, per endpoint).</summary>
    public string? BilledSource { get; init; }
    /// <summary><see cref="BilledSource"/> as the enum; null when never fetched.</summary>
    public BillingSource? BilledFrom => BillingSourceNames.Parse(BilledSource);

    /// <summary>The video's quality metrics as JSON (snake_case names of Catwalk.Quality's definitions); null until measured.</summary>
    public string? MetricsJson { get; init; }

    /// <summary>
    /// What this job has cost, or may be costing: its recorded cost once saved; its estimate while fal may be
    /// billing it (being sent, sent, finished but not saved, or unknown); nothing when it was never sent or failed.
    /// </summary>
    public decimal ChargedUsd => State switch
    {
        JobState.Downloaded => CostUsd ?? 0,
        JobState.Submitting or JobState.Submitted or JobState.Completed or JobState.Unknown => EstimatedCostUsd,
        _ => 0,
    };

    /// <summary><see cref="LastLogs"/> as lines, oldest first.</summary>
    public IReadOnlyList<string> LastLogLines() => LastLogs is { Length: > 0 } json
        ? System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? []
        : [];
}
