using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>What the views read from the run store; every filter is applied by the store's query, on the server.</summary>
public sealed class DashboardData(IRunJobStore store, IRunStoreInfo database, TimeProvider time)
{
    public string StoreDescription => database.Description;

    public Task<IReadOnlyList<JobRecord>> JobsAsync(DashboardFilter filter, CancellationToken ct = default) =>
        store.QueryJobsAsync(filter.ToJobQuery(), ct);

    public Task<JobRecord?> JobAsync(string jobId, CancellationToken ct = default) => store.GetJobAsync(jobId, ct);

    public Task<IReadOnlyList<RunRecord>> RunsAsync(CancellationToken ct = default) => store.ListRunsAsync(null, ct);

    public Task<RunRecord?> RunAsync(string runId, CancellationToken ct = default) => store.GetRunAsync(runId, ct);

    /// <summary>A run's jobs, in plan order.</summary>
    public Task<IReadOnlyList<JobRecord>> RunJobsAsync(string runId, CancellationToken ct = default) => store.GetJobsAsync(runId, ct);

    /// <summary>The newest runs with their jobs counted per state, for the runs list.</summary>
    public async Task<IReadOnlyList<RunView>> RecentRunsAsync(int limit, CancellationToken ct = default)
    {
        var runs = await store.ListRunsAsync(new RunQuery { Limit = limit }, ct);
        var views = new List<RunView>(runs.Count);
        foreach (var run in runs) views.Add(RunView.Of(run, await store.GetJobsAsync(run.Id, ct)));
        return views;
    }

    /// <summary>True when the store holds no job at all: the first-run page.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        (await store.QueryJobsAsync(new JobQuery { Limit = 1 }, ct)).Count == 0;

    public async Task<RunReport> ReportAsync(DashboardFilter filter, CancellationToken ct = default) => (await JobsAndReportAsync(filter, ct)).Report;

    /// <summary>
    /// The runs made with the emulator. Their jobs' own flag is set only for imported ones, so whether a result is
    /// emulated is its job's flag or its run's.
    /// </summary>
    public async Task<IReadOnlySet<string>> EmulatedRunsAsync(CancellationToken ct = default) =>
        (await RunsAsync(ct)).Where(r => r.Emulated).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The filtered jobs and their report, from one query (for views that need both, such as what was emulated).</summary>
    public async Task<(IReadOnlyList<JobRecord> Jobs, RunReport Report)> JobsAndReportAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var jobs = await JobsAsync(filter, ct);
        return (jobs, ReportBuilder.Build(jobs, [.. jobs.Select(j => j.RunId).Distinct(StringComparer.Ordinal)], time.GetUtcNow()));
    }

    /// <summary>The values the filter bar offers: every model, run, person and outfit in the store.</summary>
    public async Task<FilterChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var jobs = await store.QueryJobsAsync(new JobQuery(), ct);
        var runs = await RunsAsync(ct);
        static IReadOnlyList<string> Distinct(IEnumerable<string?> values) =>
            [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new FilterChoices(Distinct(jobs.Select(j => j.ModelKey)), runs, Distinct(jobs.Select(j => j.PersonId)), Distinct(jobs.Select(j => j.OutfitId)));
    }
}
