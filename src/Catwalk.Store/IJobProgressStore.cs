namespace Catwalk.Store;

/// <summary>fal's live progress of jobs at fal (queue position, running, log lines): for live views, not journalled.</summary>
public interface IJobProgressStore
{
    /// <summary>How many of fal's log lines are kept per job.</summary>
    const int KeptLogLines = 20;

    /// <summary>
    /// fal's progress of a job at fal, for live views: queued at <paramref name="queuePosition"/>, or running (since the
    /// first such report); <paramref name="newLogs"/> are appended, keeping the last <see cref="KeptLogLines"/>. Not an
    /// event of the job's state machine. False when there is no such job.
    /// </summary>
    Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Several jobs' progress in one write (a live run reports many jobs at once; one transaction each would cost a
    /// commit per job per second). Returns how many of the jobs exist.
    /// </summary>
    Task<int> RecordProgressAsync(IReadOnlyList<JobProgress> updates, CancellationToken cancellationToken = default);
}
