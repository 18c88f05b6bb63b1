namespace Catwalk.Pipelines;

/// <summary>How one attempt at a job (image or video) ended, as a stage reports it.</summary>
public enum JobOutcomeStatus
{
    Succeeded,
    Failed,
    Cancelled,
    /// <summary>The submit's answer was lost: fal may have queued and billed the job; it was not resent.</summary>
    Unknown,
    /// <summary>Not sent: running it would have passed the run's budget.</summary>
    Skipped,
}
