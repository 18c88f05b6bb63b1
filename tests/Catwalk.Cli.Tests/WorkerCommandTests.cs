using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// Scale-out as a team would break it: a 200-job batch enqueued on PostgreSQL, two `catwalk worker` processes, one
/// killed with SIGKILL mid-way. The emulator (outliving everything) counts what was submitted.
/// </summary>
public class WorkerCommandTests
{
    [PostgresFact]
    public async Task Two_workers_one_killed_mid_batch_do_200_jobs_exactly_once_within_limits_and_budget()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0.01, GpusPerEndpoint = 8 }, ModelCatalog.BuiltIn);
        await using var postgres = await TestPostgres.CreateAsync();
        // 8 people × 5 outfits = 40 looks: 40 images and 160 videos.
        using var w = new BatchWorkspace(8, 5, "ltx, kling, pika, hunyuan", extra: "budget: 80", concurrency: 64, perEndpoint: 3);
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_DB"] = postgres.DatabaseConnectionString, ["Catwalk__Worker__TakeoverSeconds"] = "6",
            // fal's request history: the survivor looks there for what the doomed worker was sending when it died.
            ["CATWALK_FAL_API_URL"] = new Uri(emulator.BaseUri, "v1").ToString(),
        };
        var enqueue = await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--enqueue", "--out", "out", "--no-metrics");
        enqueue.ExitCode.ShouldBe(0, enqueue.ToString());
        enqueue.Stdout.ShouldContain("200 job(s) queued");
        emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0, "enqueueing sends nothing to fal");

        await using var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, w.Outputs);
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();
        async Task<int> DoneAsync() => (await store.GetJobsAsync(run.Id)).Count(j => JobStateMachine.IsTerminal(j.State));

        await using var doomed = CliRunner.Start(w.Dir.Path, env, "worker", "--concurrency", "16", "--name", "doomed");
        await using var survivor = CliRunner.Start(w.Dir.Path, env, "worker", "--concurrency", "16", "--name", "survivor");
        var clock = Stopwatch.StartNew();
        while (await DoneAsync() < 50 && clock.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
        // Wait for a moment when the doomed worker has a job at fal (sent, request id stored), then kill it.
        List<JobRecord> orphans = [];
        while (orphans.Count == 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var doomedSlots = (await store.ListSlotsAsync()).Where(s => s.Owner.StartsWith("doomed", StringComparison.Ordinal)).Select(s => s.JobId).ToHashSet();
            orphans = [.. (await store.GetJobsAsync(run.Id)).Where(j => doomedSlots.Contains(j.Id) && j.State == JobState.Submitted)];
        }
        orphans.ShouldNotBeEmpty("the doomed worker never had a job at fal");
        var heldByDoomed = (await store.ListSlotsAsync()).Count(s => s.Owner.StartsWith("doomed", StringComparison.Ordinal));
        await doomed.SignalAsync("KILL");
        var killed = await doomed.WaitAsync(TimeSpan.FromSeconds(10));
        killed.ExitCode.ShouldBe(137);

        while (await DoneAsync() < 200 && clock.Elapsed < TimeSpan.FromMinutes(4)) await Task.Delay(200);
        await survivor.SignalAsync("INT");
        var survived = await survivor.WaitAsync(TimeSpan.FromSeconds(60));
        survived.ExitCode.ShouldBe(0, survived.ToString());

        var jobs = await store.GetJobsAsync(run.Id);
        var summary = string.Join("\n", jobs.Where(j => j.State != JobState.Downloaded).Take(20).Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}"))
            + "\n--- hangfire\n" + await HangfireStatesAsync(postgres.DatabaseConnectionString) + "\n--- survivor\n" + survived.Output + "\n--- doomed\n" + killed.Output;
        jobs.Count.ShouldBe(200);
        // A kill between "being sent" and fal's answer leaves a job that may be at fal. The survivor adopts it from fal's
        // request history when fal has it; one whose send never left stays unknown (until its start deadline), never
        // resent, and a video whose image stayed unknown says so instead of running.
        var unknown = jobs.Where(j => j.State == JobState.Unknown).ToList();
        unknown.Count.ShouldBeLessThanOrEqualTo(heldByDoomed, summary);
        var unknownIds = unknown.Select(j => j.Id).ToHashSet();
        var heldBack = jobs.Count(j => j.State == JobState.Failed && j.InputJobId is { } input && unknownIds.Contains(input) && j.Error!.StartsWith("not run: its image job unknown"));
        jobs.Count(j => j.State == JobState.Downloaded).ShouldBe(200 - unknown.Count - heldBack, summary);
        foreach (var group in jobs.GroupBy(j => j.EndpointId))
        {
            var submissions = emulator.GetStats().Endpoints.GetValueOrDefault(group.Key)?.Submissions ?? 0;
            var withRequest = group.Count(j => j.RequestId is not null && j.CachedFromJobId is null);
            submissions.ShouldBeGreaterThanOrEqualTo(withRequest, group.Key);
            submissions.ShouldBeLessThanOrEqualTo(withRequest + group.Count(j => j.State == JobState.Unknown), group.Key);
        }
        jobs.Where(j => j.RequestId is not null).Select(j => j.RequestId).ShouldBeUnique();
        foreach (var job in jobs.Where(j => j.State == JobState.Downloaded))
            File.Exists(Path.Combine(run.OutputRoot, job.FilePath!)).ShouldBeTrue(job.FilePath);
        // The jobs the killed worker had at fal were taken over and collected by their request ids, not sent again.
        foreach (var orphan in orphans)
            jobs.Single(j => j.Id == orphan.Id).ShouldSatisfyAllConditions(
                j => j.State.ShouldBe(JobState.Downloaded), j => j.RequestId.ShouldBe(orphan.RequestId));
        var events = (await Task.WhenAll(jobs.Select(j => store.GetEventsAsync(j.Id)))).SelectMany(e => e).ToList();
        jobs.Sum(j => j.ChargedUsd).ShouldBeLessThanOrEqualTo(80m);
        // Per-endpoint limit across both workers: never more than 3 jobs of one endpoint at fal at once (from being
        // sent until fal finished it: the "submitting" and "completed" events).
        var atFal = jobs.Select(j => (j.EndpointId, Events: events.Where(e => e.JobId == j.Id).ToList()))
            .Where(j => j.Events.Any(e => e.State == "submitting") && j.Events.Any(e => e.State == "completed"))
            .Select(j => (j.EndpointId, Start: j.Events.First(e => e.State == "submitting").At, End: j.Events.First(e => e.State == "completed").At));
        foreach (var group in atFal.GroupBy(j => j.EndpointId))
            MaxOverlap(group.Select(j => (j.Start, j.End))).ShouldBeLessThanOrEqualTo(3, group.Key);
        (await store.GetRunAsync(run.Id))!.Status.ShouldBeOneOf(RunStatus.Completed, RunStatus.Partial);
        survived.Stdout.ShouldContain("saved");
    }

    [Fact]
    public async Task A_worker_refuses_a_sqlite_store_and_an_emulator_of_its_own_in_words()
    {
        using var dir = new TempDirectory();
        var sqlite = await CliRunner.RunAsync(dir.Path, null, "worker", "--db", "runs.db");
        sqlite.ExitCode.ShouldBe(2, sqlite.ToString());
        sqlite.Output.ShouldContain("PostgreSQL");
        sqlite.HasStackTrace.ShouldBeFalse(sqlite.ToString());

        var env = new Dictionary<string, string> { ["CATWALK_DB"] = "Host=127.0.0.1;Port=1;Database=x;Username=y" };
        var noEmulator = await CliRunner.RunAsync(dir.Path, env, "worker");
        noEmulator.ExitCode.ShouldBe(2, noEmulator.ToString());
        noEmulator.Output.ShouldContain("catwalk emulator --port");
        noEmulator.HasStackTrace.ShouldBeFalse(noEmulator.ToString());

        var enqueue = await CliRunner.RunAsync(dir.Path, null, "batch", "missing.yaml", "--enqueue");
        enqueue.ExitCode.ShouldBe(2, enqueue.ToString());
    }

    /// <summary>Hangfire's own view, for a failure message: jobs per state, and any distributed lock left behind.</summary>
    private static async Task<string> HangfireStatesAsync(string db)
    {
        await using var connection = new Npgsql.NpgsqlConnection(db);
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var sql in new[] { "SELECT statename || ' ' || COUNT(*) FROM hangfire.job GROUP BY statename", "SELECT resource || ' ' || acquired FROM hangfire.lock", "SELECT queue || ' fetched=' || (fetchedat IS NOT NULL) || ' ' || COUNT(*) FROM hangfire.jobqueue GROUP BY queue, fetchedat IS NOT NULL" })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        return string.Join("\n", lines);
    }

    /// <summary>The most intervals open at one moment.</summary>
    private static int MaxOverlap(IEnumerable<(long Start, long End)> intervals)
    {
        var edges = intervals.SelectMany(i => new[] { (At: i.Start, Delta: 1), (At: i.End, Delta: -1) }).OrderBy(e => e.At).ThenBy(e => e.Delta);
        int open = 0, max = 0;
        foreach (var edge in edges) max = Math.Max(max, open += edge.Delta);
        return max;
    }
}
