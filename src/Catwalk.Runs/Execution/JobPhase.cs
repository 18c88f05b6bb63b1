namespace Catwalk.Runs.Execution;

/// <summary>Where a job is, as the progress display shows it.</summary>
public enum JobPhase
{
    Waiting,
    Queued,
    Running,
    Done,
    Failed,
    /// <summary>Not run this time: over budget, or left for a later resume (unknown, skipped).</summary>
    Skipped,
}
