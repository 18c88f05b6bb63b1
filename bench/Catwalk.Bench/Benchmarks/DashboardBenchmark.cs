using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Dashboard;
using Catwalk.Dashboard.Data;
using Catwalk.Store;
using Npgsql;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// The dashboard's pages over a large store — 100,000 generations and 20,000 votes — on SQLite and on PostgreSQL:
/// each page's server-rendered GET (the prerender runs the page's data loads) cold (its first request after the
/// dashboard started) and warm (median of 5). The generations table loads its rows only once the circuit starts
/// (MudTable's ServerData), so its first page's data load is timed by itself as well.
/// </summary>
public static class DashboardBenchmark
{
    private const double TargetSeconds = 0.5;
    private const int WarmLoads = 5;

    /// <param name="engines">"sqlite", "postgres", or null for both.</param>
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int generations, int votes, string? engines, CancellationToken cancellationToken)
    {
        var results = new List<BenchResult>();
        if (engines is null or "sqlite") results.AddRange(await MeasureAsync("sqlite", null, generations, votes, cancellationToken));
        if (engines is "sqlite") return results;
        if (Environment.GetEnvironmentVariable("CATWALK_TEST_POSTGRES") is { Length: > 0 } server)
            results.AddRange(await MeasureAsync("postgres", server, generations, votes, cancellationToken));
        else
            Console.WriteLine("   postgres half skipped: no PostgreSQL (./bench.sh starts a throwaway one; or set CATWALK_TEST_POSTGRES)");
        return results;
    }

    private static async Task<IReadOnlyList<BenchResult>> MeasureAsync(string engine, string? server, int generations, int votes, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("catwalk-bench-dashboard-").FullName;
        var database = server is null ? null : $"catwalk_bench_dashboard_{Guid.NewGuid():N}";
        try
        {
            var db = server is null ? Path.Combine(folder, "catwalk.db") : await CreateDatabaseAsync(server, database!, cancellationToken);
            var seeding = Stopwatch.StartNew();
            DashboardSeeder.Seeded seeded;
            await using (var store = await RunStoreFactory.OpenAsync(db, folder, cancellationToken: cancellationToken))
                seeded = await DashboardSeeder.SeedAsync(store, db, folder, generations, votes, cancellationToken);
            Console.WriteLine($"   {engine}: seeded {seeded.Jobs} jobs and {seeded.Votes} votes in {seeding.Elapsed.TotalSeconds:0.0} s");
            var label = $"{generations / 1000}k";
            var pages = new (string Name, string Path)[]
            {
                ("overview", "/"), ("charts", "/charts"), ("generations", "/generations"), ("leaderboard", "/leaderboard"),
                ("runs", "/runs"), ("run_detail", $"/runs/{seeded.BusyRunId}"), ("workers", "/workers"),
            };
            var results = new List<BenchResult>();
            await using (var dashboard = await DashboardServer.StartAsync(new DashboardOptions { OutputRoot = folder, Db = db }, cancellationToken))
            {
                using var http = new HttpClient { BaseAddress = dashboard.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
                var cold = new Dictionary<string, double>();
                foreach (var (name, path) in pages) cold[name] = await TimeAsync(() => GetAsync(http, path, cancellationToken));
                foreach (var (name, path) in pages)
                {
                    var warm = await MedianAsync(() => GetAsync(http, path, cancellationToken));
                    results.Add(Result($"dashboard_{name}_{label}_warm_seconds_{engine}", warm,
                        $"GET {path} with {seeded.Jobs} generations and {seeded.Votes} votes ({engine}): median of {WarmLoads} warm loads"));
                    results.Add(Result($"dashboard_{name}_{label}_cold_seconds_{engine}", cold[name],
                        $"the first GET {path} after the dashboard started ({engine}; pages in the order overview, charts, generations, leaderboard, runs, run, workers)"));
                }
            }
            // Each data load a page makes, by itself: the generations table's rows load only once the circuit is up
            // (its ServerData), and the numbers show which part of a page's time is whose.
            await using (var store = await RunStoreFactory.OpenAsync(db, folder, cancellationToken: cancellationToken))
            {
                var data = new DashboardData(store, store, store, TimeProvider.System);
                var preference = new PreferenceData(store, store, store, TimeProvider.System);
                var loads = new (string Name, string What, Func<Task> Load)[]
                {
                    ("generations_rows", "the generations table's first page of 25 rows, newest first, as its ServerData loads it after the circuit starts",
                        () => data.GenerationsPageAsync(new DashboardFilter(), null, "created", true, 0, 25, cancellationToken)),
                    ("data_choices", "DashboardData.ChoicesAsync (the filter bar of overview, charts, generations)", () => data.ChoicesAsync(cancellationToken)),
                    ("data_report", "DashboardData.ReportAsync over every job (overview, charts)", () => data.ReportAsync(new DashboardFilter(), cancellationToken)),
                    ("data_stamp", "DashboardData.StampAsync: the change stamp a kept view is checked against (one scan)", () => data.StampAsync(new DashboardFilter(), cancellationToken)),
                    ("data_charts_fresh", "the charts page's data built (report, fashion rows, latency timeline), as after any change", () => new DashboardData(store, store, store, TimeProvider.System).ChartsAsync(new DashboardFilter(), cancellationToken)),
                    ("data_report_tally", "its part: IJobStatistics.TallyJobsAsync (counts and money per model, state and cost value)", () => store.TallyJobsAsync(new JobQuery(), "not run: ", cancellationToken)),
                    ("data_report_latency", "its part: IJobStatistics.LatencyRanksAsync (the percentile window)", () => store.LatencyRanksAsync(new JobQuery(), cancellationToken)),
                    ("data_report_quality", "its part: IJobStatistics.TallyQualityAsync (metric means from the stored JSON)", () => store.TallyQualityAsync(new JobQuery(), cancellationToken)),
                    ("data_report_runs", "its part: IJobStatistics.RunIdsAsync", () => store.RunIdsAsync(new JobQuery(), cancellationToken)),
                    ("data_chart_timeline", "DashboardData.LatencyTimelineAsync (the latency-over-time chart: binned by the database)", () => data.LatencyTimelineAsync(new DashboardFilter(), cancellationToken)),
                    ("data_overview_reads", "DashboardData.EvidenceAndReportAsync (what the overview's first build reads: the jobs narrow, the report aggregated)", () => data.EvidenceAndReportAsync(new DashboardFilter(), cancellationToken)),
                    ("data_overview_evidence", "its part: IJobStatistics.EvidenceJobsAsync (every job, narrow)", () => store.EvidenceJobsAsync(new JobQuery(), cancellationToken)),
                    ("data_votes", "PreferenceData.VotesAsync (every vote: the overview weighs them)", () => preference.VotesAsync(cancellationToken)),
                    ("data_overview_build", "OverviewData.BuildAsync on a fresh OverviewData (nothing kept): the overview's whole answer", () => new OverviewData(data, preference, new MediaFiles(store), TimeProvider.System).BuildAsync(new DashboardFilter(), cancellationToken)),
                    ("data_recent_runs", "DashboardData.RecentRunsAsync(50) (the runs page, every 2 s while live)", () => data.RecentRunsAsync(50, cancellationToken)),
                    ("data_leaderboard", "PreferenceData.LeaderboardAsync with the fit kept from the last load (votes unchanged)", () => preference.LeaderboardAsync(new PreferenceFilter(), cancellationToken)),
                    ("data_leaderboard_fit", "PreferenceData.LeaderboardAsync on a fresh PreferenceData: vote counts, looks and the Bradley–Terry fit with 1,000 bootstrap refits",
                        () => new PreferenceData(store, store, store, TimeProvider.System).LeaderboardAsync(new PreferenceFilter(), cancellationToken)),
                };
                foreach (var (name, what, load) in loads)
                {
                    var cold = await TimeAsync(load);
                    var warm = await MedianAsync(load);
                    results.Add(Result($"dashboard_{name}_{label}_warm_seconds_{engine}", warm, $"{what} ({engine}): median of {WarmLoads} (first: {cold:0.000} s)"));
                }
            }
            return results;
        }
        finally
        {
            if (server is not null) await DropDatabaseAsync(server, database!, CancellationToken.None);
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static BenchResult Result(string name, double seconds, string description) =>
        new(name, Math.Round(seconds, 3), "s", description) { Target = $"< {TargetSeconds}", MeetsTarget = seconds < TargetSeconds };

    private static async Task<string> CreateDatabaseAsync(string server, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string server, string database, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task<double> TimeAsync(Func<Task> load)
    {
        var wall = Stopwatch.StartNew();
        await load();
        return wall.Elapsed.TotalSeconds;
    }

    private static async Task<double> MedianAsync(Func<Task> load)
    {
        var times = new List<double>();
        for (var i = 0; i < WarmLoads; i++) times.Add(await TimeAsync(load));
        times.Sort();
        return times[times.Count / 2];
    }
}
