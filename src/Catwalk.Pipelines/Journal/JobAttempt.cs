namespace Catwalk.Pipelines.Journal;

/// <summary>How one attempt at a journalled job ended: its result, or the status and words it ended with (already recorded).</summary>
public sealed record JobAttempt<TResult>(JobOutcomeStatus Status)
{
    public TResult? Result { get; init; }
    /// <summary>fal's request id, when fal had the job.</summary>
    public string? RequestId { get; init; }
    public string? Error { get; init; }
    /// <summary>What ended it, when something was thrown (for callers that report by throwing).</summary>
    public Exception? Failure { get; init; }
    /// <summary>The result is a copy of an identical earlier job's (nothing was paid).</summary>
    public bool Cached { get; init; }
}
