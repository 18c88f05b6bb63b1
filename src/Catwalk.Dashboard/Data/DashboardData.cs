using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// What the views read from the run store; every filter is applied by the store's query, on the server. Reports, filter
/// choices and run counts are aggregated by the database (<see cref="IJobStatistics"/>), so a page over 100,000 jobs
/// reads a few hundred rows, not every job.
/// </summary>
public sealed class DashboardData(IRunJobStore store, IRunStoreInfo database, IJobStatistics statistics, TimeProvider time)
{
    private readonly StampedCache _views = new();

    public string StoreDescription => database.Description;

    /// <summary>
    /// What a view of the filtered jobs was built at: the filter, the minute (reports carry "now", so a kept view is
    /// built again at least once a minute) and the database's change stamp of the jobs and votes (one scan).
    /// </summary>
    public async Task<string> StampAsync(DashboardFilter filter, CancellationToken ct = default) =>
        $"{filter.ToQueryString()}|{time.GetUtcNow().ToUnixTimeSeconds() / 60}|{await statistics.ChangeStampAsync(filter.ToJobQuery(), ct)}";

    /// <summary>
    /// The charts page's data (the report with the fashion rows, and the latency timeline) at the store's current stamp:
    /// built once per change, not on every visit.
    /// </summary>
    public async Task<ChartsView> ChartsAsync(DashboardFilter filter, CancellationToken ct = default) =>
        await _views.GetAsync($"charts{filter.ToQueryString()}", await StampAsync(filter, ct), async () =>
        {
            var (report, fashion) = await ReportAndFashionAsync(filter, ct);
            return new ChartsView(report, fashion, await LatencyTimelineAsync(filter, ct));
        });

    /// <summary><see cref="ReportAndFashionAsync"/> kept at the store's stamp (the leaderboard's Pareto view reads it on every load).</summary>
    public async Task<(RunReport Report, IReadOnlyList<FashionRow> Fashion)> CurrentReportAndFashionAsync(DashboardFilter filter, CancellationToken ct = default) =>
        await _views.GetAsync($"report{filter.ToQueryString()}", await StampAsync(filter, ct), () => ReportAndFashionAsync(filter, ct));

    public async Task<IReadOnlyList<JobRecord>> JobsAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var jobs = await store.QueryJobsAsync(filter.ToJobQuery(), ct);
        return filter.FiltersImageAxes ? await ByImageAxesAsync(jobs, filter, ct) : jobs;
    }

    /// <summary>The jobs whose image model and angle match: a video's are its input image's, so each run's jobs are read once.</summary>
    private async Task<IReadOnlyList<JobRecord>> ByImageAxesAsync(IReadOnlyList<JobRecord> jobs, DashboardFilter filter, CancellationToken ct)
    {
        var runs = new Dictionary<string, IReadOnlyDictionary<string, JobRecord>>(StringComparer.Ordinal);
        var matching = new List<JobRecord>();
        foreach (var job in jobs)
        {
            if (!runs.TryGetValue(job.RunId, out var runJobs))
                runs[job.RunId] = runJobs = (await store.GetJobsAsync(job.RunId, ct)).ToDictionary(j => j.Id, StringComparer.Ordinal);
            if (filter.ImageModel is { } model && ImageAxes.ImageModelOf(job, runJobs) != model) continue;
            if (filter.Angle is { } angle && ImageAxes.AngleOf(job, runJobs) != angle) continue;
            matching.Add(job);
        }
        return matching;
    }

    /// <summary>
    /// One page of the generations table: searched, sorted and paged by the database; filtered by image axes (which
    /// need each video's image) over the jobs read here.
    /// </summary>
    public async Task<JobPage> GenerationsPageAsync(DashboardFilter filter, string? search, string? sortLabel, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        if (filter.FiltersImageAxes)
        {
            var (jobs, total) = GenerationsQuery.Apply(await JobsAsync(filter, ct), search, sortLabel, descending, page, pageSize);
            return new JobPage(jobs, total);
        }
        return await statistics.PageJobsAsync(filter.ToJobQuery(), new JobPageRequest
        {
            Search = search, Sort = GenerationsQuery.SortOf(sortLabel), Descending = descending, Page = page, PageSize = pageSize,
        }, ct);
    }

    /// <summary>
    /// The "latency over time" chart's data (<see cref="LatencyTimeline"/>): binned by the database, and each job read only
    /// when there are few.
    /// </summary>
    public async Task<LatencyTimeline> LatencyTimelineAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        if (filter.FiltersImageAxes)
            return LatencyTimeline.Of([.. (await JobsAsync(filter, ct)).Where(j => j.State == JobState.Downloaded && j.CachedFromJobId is null && j.LatencySec is not null)]);
        var query = filter.ToJobQuery();
        var bins = await statistics.LatencyTimelineAsync(query, LatencyTimeline.Buckets, ct);
        var jobs = bins.Sum(b => b.Count);
        return jobs <= LatencyTimeline.MaxPoints ? new LatencyTimeline(await statistics.TimedJobsAsync(query, ct), [], jobs) : new LatencyTimeline([], bins, jobs);
    }

    public Task<JobRecord?> JobAsync(string jobId, CancellationToken ct = default) => store.GetJobAsync(jobId, ct);

    public Task<IReadOnlyList<RunRecord>> RunsAsync(CancellationToken ct = default) => store.ListRunsAsync(null, ct);

    public Task<RunRecord?> RunAsync(string runId, CancellationToken ct = default) => store.GetRunAsync(runId, ct);

    /// <summary>A run's jobs, in plan order.</summary>
    public Task<IReadOnlyList<JobRecord>> RunJobsAsync(string runId, CancellationToken ct = default) => store.GetJobsAsync(runId, ct);

    /// <summary>The newest runs with their jobs counted per state (by the database), for the runs list.</summary>
    public async Task<IReadOnlyList<RunView>> RecentRunsAsync(int limit, CancellationToken ct = default)
    {
        var runs = await store.ListRunsAsync(new RunQuery { Limit = limit }, ct);
        var tallies = (await statistics.TallyRunsAsync([.. runs.Select(r => r.Id)], ct)).ToLookup(t => t.RunId, StringComparer.Ordinal);
        return [.. runs.Select(run => RunView.Of(run, [.. tallies[run.Id]]))];
    }

    /// <summary>True when the store holds no job at all: the first-run page.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        (await store.QueryJobsAsync(new JobQuery { Limit = 1 }, ct)).Count == 0;

    /// <summary>
    /// The report over the filtered jobs, aggregated by the database (<see cref="TallyReportBuilder"/>: no job lines, no
    /// image × video matrix); filtered by image axes, which need each video's image, it is built from the jobs.
    /// </summary>
    public async Task<RunReport> ReportAsync(DashboardFilter filter, CancellationToken ct = default) =>
        filter.FiltersImageAxes ? (await JobsAndReportAsync(filter, ct)).Report : await TallyReportBuilder.BuildAsync(statistics, filter.ToJobQuery(), time.GetUtcNow(), ct);

    /// <summary>The full report (every job's line, the matrix) over the filtered jobs, built from the jobs: for exports.</summary>
    public async Task<RunReport> FullReportAsync(DashboardFilter filter, CancellationToken ct = default) => (await JobsAndReportAsync(filter, ct)).Report;

    /// <summary>The report and the fashion table's rows (how many measured results the emulator made counted by the database too).</summary>
    public async Task<(RunReport Report, IReadOnlyList<FashionRow> Fashion)> ReportAndFashionAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        if (filter.FiltersImageAxes)
        {
            var (jobs, full) = await JobsAndReportAsync(filter, ct);
            return (full, FashionRow.Of(full, jobs, await EmulatedRunsAsync(ct)));
        }
        var report = await ReportAsync(filter, ct);
        var emulated = (await statistics.TallyQualityAsync(filter.ToJobQuery(), ct)).ToDictionary(q => (q.Stage, q.ModelKey), q => q.EmulatedWithFashion);
        return (report, FashionRow.Of(report, emulated));
    }

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

    /// <summary>
    /// The filtered jobs as a recommendation weighs them (<see cref="IJobStatistics.EvidenceJobsAsync"/>: none of the wide
    /// fields) and the report aggregated by the database; filtered by image axes, every job and the report built from them.
    /// </summary>
    public async Task<(IReadOnlyList<JobRecord> Jobs, RunReport Report)> EvidenceAndReportAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        if (filter.FiltersImageAxes) return await JobsAndReportAsync(filter, ct);
        // Both at once (SQLite's driver reads on the awaiting thread, so the jobs are read on the pool).
        var jobs = Task.Run(() => statistics.EvidenceJobsAsync(filter.ToJobQuery(), ct), ct);
        var report = await ReportAsync(filter, ct);
        return (await jobs, report);
    }

    /// <summary>Every image job, read narrow (<see cref="IJobStatistics.EvidenceJobsAsync"/>, with the input job a try-on chain is followed by).</summary>
    public Task<IReadOnlyList<JobRecord>> ImageEvidenceAsync(CancellationToken ct = default) =>
        statistics.EvidenceJobsAsync(new JobQuery { Stage = Catwalk.Domain.StageKind.Image }, ct);

    /// <summary>The values the filter bar offers: every model, run, person and outfit in the store (SELECT DISTINCT).</summary>
    public async Task<FilterChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var values = await statistics.ChoiceValuesAsync(ct);
        var runs = await RunsAsync(ct);
        // An image's angle is its metadata's or its input key's (it animates nothing, so needs no other job).
        var angles = values.ImageLooks
            .Select(l => ImageAxes.AngleOf(new JobRecord { Id = "", RunId = "", Stage = Catwalk.Domain.StageKind.Image, ModelKey = "", EndpointId = "", InputKey = l.InputKey, LookId = l.LookId, MetadataJson = l.MetadataJson }, NoJobs))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new FilterChoices(values.Models, runs, values.People, values.Outfits) { ImageModels = values.ImageModels, Angles = angles };
    }

    private static readonly IReadOnlyDictionary<string, JobRecord> NoJobs = new Dictionary<string, JobRecord>();
}
