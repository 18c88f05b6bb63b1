using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// `catwalk batch` killed with SIGKILL while its submits are on their way (fal has the jobs, Catwalk has no request id),
/// then `catwalk resume` with no flag: fal's request history says which jobs it has, so every video arrives, nothing is
/// sent twice and no job is left unknown. The emulator outlives the processes, answers the first submits late and counts
/// every submission.
/// </summary>
public class ReconcileAfterKillTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Kill_9_between_submit_and_answer_then_a_plain_resume_adopts_every_job_and_sends_nothing_twice(string engine)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = 0.03, GpusPerEndpoint = 8, Faults = [Catwalk.Emulator.Faults.FaultRule.Parse("submit=slow-submit x4")],
        }, ModelCatalog.BuiltIn);
        await using var postgres = engine == "postgres" ? await TestPostgres.CreateAsync() : null;
        using var w = new BatchWorkspace(3, 2, "pika", concurrency: 4, perEndpoint: 4);
        var db = postgres?.DatabaseConnectionString ?? Path.Combine(w.Outputs, "catwalk.db");
        var env = new Dictionary<string, string>
        {
            ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(),
            ["CATWALK_FAL_API_URL"] = new Uri(emulator.BaseUri, "v1").ToString(), ["CATWALK_DB"] = db,
        };
        int Submitted() => emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions);

        // Concurrency 4: the four first submits are at the emulator, each answer 2 s away, and nothing else can start.
        var first = await CliRunner.RunAsync(w.Dir.Path, env, pid => KillAfterAsync(pid, () => Submitted() >= 4), "batch", "batch.yaml", "--out", "out");
        first.ExitCode.ShouldBe(137, first.ToString());
        await using (var stopped = await RunStoreFactory.OpenAsync(db, w.Outputs))
        {
            var jobs = await stopped.GetJobsAsync((await stopped.ListRunsAsync()).ShouldHaveSingleItem().Id);
            jobs.Count(j => j.State == JobState.Submitting).ShouldBe(4, string.Join("\n", jobs.Select(j => $"{j.ModelKey} {j.InputKey} {j.State}")));
        }

        var resumed = await CliRunner.RunAsync(w.Dir.Path, env, "resume", "--out", "out");

        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        resumed.Stdout.ShouldContain("4 adopted");
        resumed.Output.ShouldNotContain("Exception");
        await using var store = await RunStoreFactory.OpenAsync(db, w.Outputs);
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();
        var all = await store.GetJobsAsync(run.Id);
        all.Count.ShouldBe(6 + 6);
        all.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("\n", all.Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}")));
        all.Select(j => j.RequestId).ShouldBeUnique();
        foreach (var group in all.GroupBy(j => j.EndpointId))
            (emulator.GetStats().Endpoints.GetValueOrDefault(group.Key)?.Submissions ?? 0).ShouldBe(group.Count(), group.Key); // each sent exactly once
    }

    private static async Task KillAfterAsync(int pid, Func<bool> when)
    {
        var deadline = Stopwatch.StartNew();
        while (!when() && deadline.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(20);
        await Task.Delay(150); // all four in flight have arrived; their answers are still 2 s away
        using var kill = Process.Start("kill", ["-KILL", pid.ToString()]);
        await kill!.WaitForExitAsync();
    }
}
