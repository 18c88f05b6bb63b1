namespace Catwalk.Store;

/// <summary>
/// The run store: the index of every run and job. Every write is committed before it returns, so what a caller
/// was told is stored survives a crash (kill -9) of the process right after.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>"SQLite /path/catwalk.db" or "PostgreSQL host:port/db" — never a password.</summary>
    string Description { get; }
    StoreEngine Engine { get; }

    Task CreateRunAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default);
    /// <summary>Adds jobs a run did not know yet; a job already there (same run, stage, model, input) is kept as is.</summary>
    Task AddJobsAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default);
    /// <summary>A run by its id, or by a unique prefix of it (as printed).</summary>
    Task<RunRecord?> GetRunAsync(string idOrPrefix, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default);
    Task UpdateRunAsync(string runId, string status, bool finished, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JobRecord>> GetJobsAsync(string runId, CancellationToken cancellationToken = default);
    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a job to <paramref name="to"/> if it is in a state that may move there (<see cref="JobStateMachine"/>),
    /// setting the given fields, and records the change. False when the job was not in such a state.
    /// </summary>
    Task<bool> MoveAsync(string jobId, JobState to, JobUpdate? update = null, CancellationToken cancellationToken = default);

    /// <summary>The newest downloaded job with this cache key, if any.</summary>
    Task<JobRecord?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken = default);

    /// <summary>Stores imported jobs; one already stored (same import key, or the same fal request recorded by a run) is skipped, and the run only if it brought something new. Returns how many were added.</summary>
    Task<int> ImportAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default);

    /// <summary>How many of fal's log lines <see cref="RecordProgressAsync"/> keeps per job.</summary>
    const int KeptLogLines = 20;

    /// <summary>
    /// fal's progress of a job at fal, for live views: queued at <paramref name="queuePosition"/>, or running (since the
    /// first such report); <paramref name="newLogs"/> are appended, keeping the last <see cref="KeptLogLines"/>. Not an
    /// event of the job's state machine. False when there is no such job.
    /// </summary>
    Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default);

    /// <summary>Stores a downloaded video's quality metrics (JSON); false when the job does not exist.</summary>
    Task<bool> SaveMetricsAsync(string jobId, string metricsJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a pairwise vote. Refused (<see cref="ArgumentException"/>) when the outcome is not one of <see cref="VoteOutcome.All"/>
    /// or both sides are the same job; a vote naming a job the store does not hold is refused by the database.
    /// </summary>
    Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default);

    /// <summary>Votes, oldest first (by time, then id).</summary>
    Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default);

    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
