using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>What the views read from the run store; every filter is applied by the store's query, on the server.</summary>
public sealed class DashboardData(IRunJobStore store, IRunStoreInfo database, TimeProvider time)
{
    public string StoreDescription => database.Description;

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
        var byId = jobs.ToDictionary(j => j.Id, StringComparer.Ordinal); // a video's image is in the same run, so among all jobs
        var images = jobs.Where(j => j.Stage == Catwalk.Domain.StageKind.Image).ToList();
        return new FilterChoices(Distinct(jobs.Select(j => j.ModelKey)), runs, Distinct(jobs.Select(j => j.PersonId)), Distinct(jobs.Select(j => j.OutfitId)))
        {
            ImageModels = Distinct(images.Select(j => j.ModelKey)),
            Angles = Distinct(images.Select(j => ImageAxes.AngleOf(j, byId))),
        };
    }
}
