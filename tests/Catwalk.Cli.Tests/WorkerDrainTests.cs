using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;
using Npgsql;

namespace Catwalk.Cli.Tests;

/// <summary>
/// A worker stopped as systemd stops it (SIGTERM): it takes no new job, lets the jobs in hand finish within
/// --drain-seconds and exits 0; with no drain time it hands them back, and the next worker collects the ones at fal by
/// request id. Its health port answers while it runs; its JSON log is JSON, line by line, and holds no secret.
/// </summary>
public class WorkerDrainTests
{
    private const string Key = "drain-test-key:5e0c91b7aa2f4c6d";
    private const string Password = "drain-db-pw-never-logged-77";

    [PostgresFact]
    public async Task Sigterm_drains_jobs_in_hand_within_the_limit_exits_0_and_no_job_is_lost_or_paid_twice()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0.05, GpusPerEndpoint = 8, RequiredKey = Key }, ModelCatalog.BuiltIn);
        await using var postgres = await TestPostgres.CreateAsync();
        // 3 people × 2 outfits: 6 images and 18 videos, a few seconds each.
        using var w = new BatchWorkspace(3, 2, "ltx, kling, pika", concurrency: 16, perEndpoint: 4);
        var db = new NpgsqlConnectionStringBuilder(postgres.DatabaseConnectionString) { Password = Password }.ConnectionString;
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_DB"] = db, ["FAL_KEY"] = Key, ["Catwalk__Worker__TakeoverSeconds"] = "4",
        };
        var enqueue = await CliRunner.RunAsync(w.Dir.Path, env, "batch", "batch.yaml", "--enqueue", "--out", "out", "--no-metrics");
        enqueue.ExitCode.ShouldBe(0, enqueue.ToString());
        await using var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, w.Outputs);
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();

        // 1. Drain: SIGTERM while it has jobs at fal; they finish, nothing new is taken, exit 0 well within the limit.
        var port = FreePort.Next();
        await using var drainer = CliRunner.Start(w.Dir.Path, env, "worker", "--concurrency", "4", "--name", "drainer", "--drain-seconds", "60",
            "--health-port", port.ToString(), "--log-format", "json", "--verbose");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var ready = await WaitForAsync(http, "readyz", TimeSpan.FromSeconds(60));
        ready.Status.ShouldBe(HttpStatusCode.OK, ready.Body);
        using (var body = JsonDocument.Parse(ready.Body))
        {
            body.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
            body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
            body.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString().ShouldBe("healthy");
        }
        (await http.GetAsync("healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var inHand = await HeldAtFalAsync(store, run.Id, "drainer", TimeSpan.FromSeconds(90));
        inHand.ShouldNotBeEmpty("the worker never had a job at fal");
        var clock = Stopwatch.StartNew();
        await drainer.SignalAsync("TERM");
        var drained = await drainer.WaitAsync(TimeSpan.FromSeconds(90));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), drained.ToString());
        drained.ExitCode.ShouldBe(0, drained.ToString());
        var afterDrain = await store.GetJobsAsync(run.Id);
        foreach (var id in inHand) afterDrain.Single(j => j.Id == id).State.ShouldBe(JobState.Downloaded, drained.ToString());
        (await store.ListSlotsAsync()).ShouldNotContain(s => s.Owner.StartsWith("drainer", StringComparison.Ordinal));
        afterDrain.Count(j => JobStateMachine.IsTerminal(j.State)).ShouldBeLessThan(afterDrain.Count, "a drained worker takes no new jobs, so some are left");
        AssertJsonLinesWithoutSecrets(drained);

        // 2. No drain time: SIGTERM hands the jobs back at once; those at fal keep their request ids.
        await using var quitter = CliRunner.Start(w.Dir.Path, env, "worker", "--concurrency", "4", "--name", "quitter", "--drain-seconds", "0");
        var handedBack = await HeldAtFalAsync(store, run.Id, "quitter", TimeSpan.FromSeconds(90));
        var requestIds = (await store.GetJobsAsync(run.Id)).Where(j => handedBack.Contains(j.Id)).ToDictionary(j => j.Id, j => j.RequestId);
        clock.Restart();
        await quitter.SignalAsync("TERM");
        var quit = await quitter.WaitAsync(TimeSpan.FromSeconds(60));
        quit.ExitCode.ShouldBe(0, quit.ToString());
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), quit.ToString());
        quit.Output.ShouldNotContain(Key);
        quit.Output.ShouldNotContain(Password);

        // 3. The next worker does the rest and collects the handed-back jobs by their request ids.
        await using var finisher = CliRunner.Start(w.Dir.Path, env, "worker", "--concurrency", "8", "--name", "finisher");
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && (await store.GetJobsAsync(run.Id)).Any(j => !JobStateMachine.IsTerminal(j.State))) await Task.Delay(200);
        await finisher.SignalAsync("TERM");
        var finished = await finisher.WaitAsync(TimeSpan.FromSeconds(60));
        finished.ExitCode.ShouldBe(0, finished.ToString());

        var jobs = await store.GetJobsAsync(run.Id);
        var summary = string.Join("\n", jobs.Where(j => j.State != JobState.Downloaded).Select(j => $"{j.ModelKey} {j.State} {j.Error}")) + "\n" + finished;
        jobs.ShouldAllBe(j => j.State == JobState.Downloaded, summary);
        foreach (var (id, requestId) in requestIds) jobs.Single(j => j.Id == id).RequestId.ShouldBe(requestId, "collected by its request id, not sent again");
        jobs.Select(j => j.RequestId).ShouldBeUnique();
        foreach (var group in jobs.GroupBy(j => j.EndpointId))
            emulator.GetStats().Endpoints[group.Key].Submissions.ShouldBe(group.Count(), $"{group.Key}: every job sent (and paid) exactly once");
    }

    /// <summary>The jobs of the run this worker holds that are at fal (sent, request id stored), once there are some.</summary>
    private static async Task<HashSet<string>> HeldAtFalAsync(IRunStore store, string runId, string worker, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var held = (await store.ListSlotsAsync()).Where(s => s.Owner.StartsWith(worker, StringComparison.Ordinal)).Select(s => s.JobId).ToHashSet();
            var atFal = (await store.GetJobsAsync(runId)).Where(j => held.Contains(j.Id) && j.State == JobState.Submitted).Select(j => j.Id).ToHashSet();
            if (atFal.Count > 0) return atFal;
            await Task.Delay(50);
        }
        return [];
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForAsync(HttpClient http, string path, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(path);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (clock.Elapsed < limit)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Every line on stdout is one JSON log entry (the verbose fal client's included); neither stream holds the key or the password.</summary>
    private static void AssertJsonLinesWithoutSecrets(CliResult result)
    {
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThan(3, result.ToString());
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.GetProperty("Timestamp").GetString().ShouldNotBeNullOrEmpty();
            entry.RootElement.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            entry.RootElement.GetProperty("Message").GetString().ShouldNotBeNull();
        }
        result.Stdout.ShouldContain("Worker drainer");
        result.Stdout.ShouldContain("Worker stopped");
        result.Stdout.ShouldContain("fal:"); // the fal client's own debug lines are in the log too, without the key
        result.Output.ShouldNotContain(Key);
        result.Output.ShouldNotContain(Password);
    }
}
