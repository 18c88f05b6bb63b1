namespace Catwalk.Store.Sql;

/// <summary>
/// The whole run store over one <see cref="SqlDatabase"/> (SQLite or PostgreSQL): each part is its own class, this one
/// only hands calls to them, so code that takes <see cref="IRunStore"/> and code that takes one part share one database.
/// </summary>
internal sealed class SqlRunStore : IRunStore
{
    private readonly SqlDatabase _db;
    private readonly SqlRunJobStore _runs;
    private readonly SqlJobProgressStore _progress;
    private readonly SqlJobBillingStore _billing;
    private readonly SqlVoteStore _votes;
    private readonly SqlSlotStore _slots;
    private readonly SqlRunAnalytics _analytics;
    private readonly SqlJobStatistics _statistics;
    private readonly SqlReferenceUploadStore _uploads;

    public SqlRunStore(StoreDialect dialect, TimeProvider time)
    {
        _db = new SqlDatabase(dialect, time);
        (_runs, _progress, _billing, _votes, _slots, _analytics, _uploads) = (new(_db), new(_db), new(_db), new(_db), new(_db), new(_db), new(_db));
        _statistics = new(_db);
    }

    internal SqlDatabase Database => _db;
    public string Description => _db.Dialect.Description;
    public StoreEngine Engine => _db.Dialect.Engine;

    internal Task<int> InitializeAsync(int? upTo, CancellationToken cancellationToken) => _db.MigrateAsync(upTo, cancellationToken);
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => _db.SchemaVersionAsync(cancellationToken);

    public Task CreateRunAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) => _runs.CreateRunAsync(run, jobs, cancellationToken);
    public Task AddJobsAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) => _runs.AddJobsAsync(jobs, cancellationToken);
    public Task<RunRecord?> GetRunAsync(string idOrPrefix, CancellationToken cancellationToken = default) => _runs.GetRunAsync(idOrPrefix, cancellationToken);
    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default) => _runs.ListRunsAsync(query, cancellationToken);
    public Task UpdateRunAsync(string runId, RunStatus status, bool finished, CancellationToken cancellationToken = default) => _runs.UpdateRunAsync(runId, status, finished, cancellationToken);
    public Task<IReadOnlyList<JobRecord>> GetJobsAsync(string runId, CancellationToken cancellationToken = default) => _runs.GetJobsAsync(runId, cancellationToken);
    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default) => _runs.GetJobAsync(jobId, cancellationToken);
    public Task<int> CountUnfinishedJobsAsync(string runId, CancellationToken cancellationToken = default) => _runs.CountUnfinishedJobsAsync(runId, cancellationToken);
    public Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default) => _runs.QueryJobsAsync(query, cancellationToken);
    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken = default) => _runs.GetEventsAsync(jobId, cancellationToken);
    public Task<bool> MoveAsync(string jobId, JobState to, JobUpdate? update = null, CancellationToken cancellationToken = default) => _runs.MoveAsync(jobId, to, update, cancellationToken);
    public Task<JobRecord?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken = default) => _runs.FindCachedAsync(cacheKey, cancellationToken);
    public Task<int> ImportAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) => _runs.ImportAsync(run, jobs, cancellationToken);
    public Task<bool> SaveMetricsAsync(string jobId, string metricsJson, CancellationToken cancellationToken = default) => _runs.SaveMetricsAsync(jobId, metricsJson, cancellationToken);

    public Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default) =>
        _progress.RecordProgressAsync(jobId, queuePosition, running, newLogs, cancellationToken);

    public Task<int> RecordProgressAsync(IReadOnlyList<JobProgress> updates, CancellationToken cancellationToken = default) =>
        _progress.RecordProgressAsync(updates, cancellationToken);

    public Task<int> RecordBilledAsync(IReadOnlyList<JobBill> bills, CancellationToken cancellationToken = default) => _billing.RecordBilledAsync(bills, cancellationToken);

    public Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default) => _votes.AddVoteAsync(vote, cancellationToken);
    public Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default) => _votes.GetVotesAsync(query, cancellationToken);
    public Task<IReadOnlyList<VoteTally>> TallyVotesAsync(Catwalk.Domain.StageKind stage, CancellationToken cancellationToken = default) => _votes.TallyVotesAsync(stage, cancellationToken);

    public Task<SlotResult> TryTakeSlotAsync(SlotRequest request, CancellationToken cancellationToken = default) => _slots.TryTakeSlotAsync(request, cancellationToken);
    public Task<int> RenewSlotsAsync(string owner, long expiresAt, CancellationToken cancellationToken = default) => _slots.RenewSlotsAsync(owner, expiresAt, cancellationToken);
    public Task ReleaseSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) => _slots.ReleaseSlotAsync(jobId, owner, cancellationToken);
    public Task RefundSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) => _slots.RefundSlotAsync(jobId, owner, cancellationToken);
    public Task<IReadOnlyList<SlotRecord>> ListOrphanedSlotsAsync(string endpointId, CancellationToken cancellationToken = default) => _slots.ListOrphanedSlotsAsync(endpointId, cancellationToken);
    public Task<IReadOnlyList<SlotRecord>> ListSlotsAsync(CancellationToken cancellationToken = default) => _slots.ListSlotsAsync(cancellationToken);

    public Task<IReadOnlyList<MinuteCount>> DownloadsPerMinuteAsync(long since, CancellationToken cancellationToken = default) => _analytics.DownloadsPerMinuteAsync(since, cancellationToken);

    public Task<IReadOnlyList<JobTally>> TallyJobsAsync(JobQuery query, string neverSentErrorPrefix, CancellationToken cancellationToken = default) =>
        _statistics.TallyJobsAsync(query, neverSentErrorPrefix, cancellationToken);
    public Task<IReadOnlyList<LatencyRank>> LatencyRanksAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.LatencyRanksAsync(query, cancellationToken);
    public Task<string> ChangeStampAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.ChangeStampAsync(query, cancellationToken);
    public Task<IReadOnlyList<string>> RunIdsAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.RunIdsAsync(query, cancellationToken);
    public Task<JobChoiceValues> ChoiceValuesAsync(CancellationToken cancellationToken = default) => _statistics.ChoiceValuesAsync(cancellationToken);
    public Task<IReadOnlyList<RunStateTally>> TallyRunsAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken = default) => _statistics.TallyRunsAsync(runIds, cancellationToken);
    public Task<IReadOnlyList<(string Id, string? SettingId, string? MetadataJson)>> LookSourcesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken = default) =>
        _statistics.LookSourcesAsync(jobIds, cancellationToken);

    public Task<IReadOnlyList<QualityTally>> TallyQualityAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.TallyQualityAsync(query, cancellationToken);
    public Task<JobPage> PageJobsAsync(JobQuery query, JobPageRequest page, CancellationToken cancellationToken = default) => _statistics.PageJobsAsync(query, page, cancellationToken);
    public Task<IReadOnlyList<JobRecord>> EvidenceJobsAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.EvidenceJobsAsync(query, cancellationToken);
    public Task<IReadOnlyList<LatencyBin>> LatencyTimelineAsync(JobQuery query, int buckets, CancellationToken cancellationToken = default) => _statistics.LatencyTimelineAsync(query, buckets, cancellationToken);
    public Task<IReadOnlyList<JobRecord>> TimedJobsAsync(JobQuery query, CancellationToken cancellationToken = default) => _statistics.TimedJobsAsync(query, cancellationToken);

    public Task<ReferenceUploadRecord?> FindReferenceUploadAsync(string storage, string sha256, long validUntil, CancellationToken cancellationToken = default) =>
        _uploads.FindReferenceUploadAsync(storage, sha256, validUntil, cancellationToken);
    public Task RememberReferenceUploadAsync(ReferenceUploadRecord upload, CancellationToken cancellationToken = default) => _uploads.RememberReferenceUploadAsync(upload, cancellationToken);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
