namespace Catwalk.Store;

/// <summary>
/// Aggregates and pages over the jobs, computed by the database (GROUP BY, window functions) so views of a large store
/// read a few hundred rows instead of every job. Money is returned grouped by its value (the columns are doubles):
/// summing value × count as decimals gives exactly what summing each job's decimal does.
/// </summary>
public interface IJobStatistics
{
    /// <summary>
    /// The jobs <paramref name="query"/> selects (its limit ignored), counted per stage, model, state, whether never sent
    /// (failed before sending, with an error starting <paramref name="neverSentErrorPrefix"/>), whether reused, and cost values.
    /// </summary>
    Task<IReadOnlyList<JobTally>> TallyJobsAsync(JobQuery query, string neverSentErrorPrefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Per stage and model, the latencies of saved jobs that were not reused, at the ranks a min, max, quartiles and 95th
    /// percentile need (0-based, ascending; ranks next to the percentiles' included), with their count and mean.
    /// </summary>
    Task<IReadOnlyList<LatencyRank>> LatencyRanksAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>The runs that hold jobs <paramref name="query"/> selects, in order of their first job (by time, then id).</summary>
    Task<IReadOnlyList<string>> RunIdsAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>The distinct values the dashboard's filters offer.</summary>
    Task<JobChoiceValues> ChoiceValuesAsync(CancellationToken cancellationToken = default);

    /// <summary>The jobs of <paramref name="runIds"/> counted per run, state and cost values.</summary>
    Task<IReadOnlyList<RunStateTally>> TallyRunsAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken = default);

    /// <summary>The setting id and metadata of each of <paramref name="jobIds"/> the store holds, from which a look's tags are read.</summary>
    Task<IReadOnlyList<(string Id, string? SettingId, string? MetadataJson)>> LookSourcesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken = default);

    /// <summary>One page of the jobs <paramref name="query"/> selects, searched, sorted and paged by the database, with the count of all that match.</summary>
    Task<JobPage> PageJobsAsync(JobQuery query, JobPageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// The saved, not reused jobs with a latency that <paramref name="query"/> selects, oldest first, read with only what
    /// a latency chart plots (id, run, stage, model, endpoint, input, state, latency, when made): the other fields are empty.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> TimedJobsAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every job <paramref name="query"/> selects (its limit ignored), in the order <see cref="IRunJobStore.QueryJobsAsync"/>
    /// reads them, with only what a recommendation weighs and a poster needs: id, run, stage, model, endpoint, input (and input job), state,
    /// request id and send time, the error of a job failed before sending, reuse, costs and bill, durations, latency, when
    /// made, file and content type, and a saved job's metrics. The other fields are empty.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> EvidenceJobsAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The jobs <see cref="TimedJobsAsync"/> reads, per model binned into <paramref name="buckets"/> equal spans of when
    /// they were made (<see cref="LatencyBin"/>), so a chart of 100,000 latencies plots a few hundred points.
    /// </summary>
    Task<IReadOnlyList<LatencyBin>> LatencyTimelineAsync(JobQuery query, int buckets, CancellationToken cancellationToken = default);

    /// <summary>The quality metrics of the saved jobs <paramref name="query"/> selects, aggregated per stage and model from their stored JSON.</summary>
    Task<IReadOnlyList<QualityTally>> TallyQualityAsync(JobQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A value that changes whenever anything a view of the jobs <paramref name="query"/> selects could show changes: their
    /// count, latest update, metrics, bills, and the votes. Equal stamps: a view built from them may be reused. One scan.
    /// </summary>
    Task<string> ChangeStampAsync(JobQuery query, CancellationToken cancellationToken = default);
}
