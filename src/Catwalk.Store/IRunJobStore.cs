namespace Catwalk.Store;

/// <summary>
/// Runs and their jobs: planning, reading and moving jobs through their state machine. Every write is committed
/// before it returns, so what a caller was told is stored survives a crash (kill -9) of the process right after.
/// </summary>
public interface IRunJobStore
{
    Task CreateRunAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default);
    /// <summary>Adds jobs a run did not know yet; a job already there (same run, stage, model, input) is kept as is.</summary>
    Task AddJobsAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default);
    /// <summary>A run by its id, or by a unique prefix of it (as printed).</summary>
    Task<RunRecord?> GetRunAsync(string idOrPrefix, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default);
    Task UpdateRunAsync(string runId, RunStatus status, bool finished, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JobRecord>> GetJobsAsync(string runId, CancellationToken cancellationToken = default);
    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default);
    /// <summary>How many of a run's jobs have not reached an end state (planned, being sent, at fal, or not saved yet).</summary>
    Task<int> CountUnfinishedJobsAsync(string runId, CancellationToken cancellationToken = default);
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

    /// <summary>Stores a downloaded video's quality metrics (JSON); false when the job does not exist.</summary>
    Task<bool> SaveMetricsAsync(string jobId, string metricsJson, CancellationToken cancellationToken = default);
}
