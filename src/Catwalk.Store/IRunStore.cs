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

    /// <summary>
    /// Takes a slot for a job, atomically across every process sharing the store: refused when the endpoint has its
    /// limit of slots, when the job's reservation would pass the run's budget (counting what its jobs cost or may
    /// cost and the live reservations of jobs not yet sent), or when another live owner holds the job. An expired slot
    /// whose job is at fal (its owner died) still counts for the endpoint, and is taken over by the next owner to ask.
    /// </summary>
    Task<SlotResult> TryTakeSlotAsync(SlotRequest request, CancellationToken cancellationToken = default);

    /// <summary>Keeps an owner's slots alive until <paramref name="expiresAt"/> (unix ms); returns how many it holds.</summary>
    Task<int> RenewSlotsAsync(string owner, long expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a job's slot back (only its owner can).</summary>
    Task ReleaseSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Returns a held slot's budget reservation (its job was never sent, or was reused from the cache).</summary>
    Task RefundSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Expired slots at <paramref name="endpointId"/> whose jobs are at fal: jobs a dead worker left, waiting to be taken over.</summary>
    Task<IReadOnlyList<SlotRecord>> ListOrphanedSlotsAsync(string endpointId, CancellationToken cancellationToken = default);

    /// <summary>Slots that have not expired, oldest first.</summary>
    Task<IReadOnlyList<SlotRecord>> ListSlotsAsync(CancellationToken cancellationToken = default);

    /// <summary>Jobs saved (downloaded) per minute since <paramref name="since"/> (unix ms), by when they finished, oldest first.</summary>
    Task<IReadOnlyList<MinuteCount>> DownloadsPerMinuteAsync(long since, CancellationToken cancellationToken = default);

    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
