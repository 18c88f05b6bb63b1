namespace Catwalk.Pipelines.Journal;

/// <summary>What a journal already knows about a job when a pipeline opens it.</summary>
public sealed record JobResumePoint(JobResumeKind Kind)
{
    public static readonly JobResumePoint Fresh = new(JobResumeKind.Fresh);

    public string? RequestId { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>Collect: what collects the request fal already has, instead of sending it again.</summary>
    public Generation.GenerationContinuation? Continuation =>
        Kind == JobResumeKind.Collect && RequestId is { } id ? new(id, SubmittedAt ?? DateTimeOffset.UnixEpoch) : null;
    /// <summary>The arguments sent when it was submitted (for the metadata of a collected job).</summary>
    public string? ArgumentsJson { get; init; }
    /// <summary>Done: this job's metadata sidecar JSON. Cached: the source job's.</summary>
    public string? MetadataJson { get; init; }
    /// <summary>Cached: the outputs folder of the source job (its metadata's paths are relative to it).</summary>
    public string? SourceRoot { get; init; }
    /// <summary>Skip: how it ended and why.</summary>
    public JobOutcomeStatus Status { get; init; } = JobOutcomeStatus.Failed;
    public string? Error { get; init; }
}
