using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>
/// The promise of the run store, tested as a user would break it: `catwalk batch` killed with SIGKILL mid-way (twice),
/// then `catwalk resume`. The emulator outlives the processes and counts every submission.
/// </summary>
public class ResumeAfterKillTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Kill_9_mid_batch_then_resume_submits_nothing_twice_and_loses_nothing(string engine)
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0.03, GpusPerEndpoint = 2 }, ModelCatalog.BuiltIn);
        await using var postgres = engine == "postgres" ? await TestPostgres.CreateAsync() : null;
        using var w = new BatchWorkspace(3, 2, "pika, ltx, hunyuan");
        var db = postgres?.DatabaseConnectionString ?? Path.Combine(w.Outputs, "catwalk.db");
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_DB"] = db };
        int Submitted() => emulator.GetStats().Endpoints.Values.Sum(e => e.Submissions);

        var first = await CliRunner.RunAsync(w.Dir.Path, env, pid => KillAfterAsync(pid, () => Submitted() >= 5), "batch", "batch.yaml", "--out", "out");
        first.ExitCode.ShouldBe(137, first.ToString()); // SIGKILL: nothing got to clean up
        var second = await CliRunner.RunAsync(w.Dir.Path, env, pid => KillAfterAsync(pid, () => Submitted() >= 14), "resume", "--out", "out");
        second.ExitCode.ShouldBe(137, second.ToString());
        var last = await CliRunner.RunAsync(w.Dir.Path, env, "resume", "--out", "out");
        last.ExitCode.ShouldBeOneOf([0, 1], last.ToString());

        await using var store = await RunStoreFactory.OpenAsync(db, w.Outputs);
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();
        var jobs = await store.GetJobsAsync(run.Id);
        jobs.Count.ShouldBe(6 + 6 * 3);
        // A kill between fal's answer and the commit leaves a job that may be at fal: reported, never resent.
        var unknown = jobs.Where(j => j.State == JobState.Unknown).ToList();
        jobs.Where(j => j.State != JobState.Unknown).ShouldAllBe(j => j.State == JobState.Downloaded || (j.State == JobState.Failed && j.Error!.Contains("image")),
            string.Join("\n", jobs.Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}")));
        unknown.Count.ShouldBeLessThanOrEqualTo(2 * 4); // at most what two kills could catch mid-send (concurrency 4)
        foreach (var group in jobs.GroupBy(j => j.EndpointId))
        {
            var submissions = emulator.GetStats().Endpoints.GetValueOrDefault(group.Key)?.Submissions ?? 0;
            var withRequest = group.Count(j => j.RequestId is not null && j.CachedFromJobId is null);
            // Every job with a request id was submitted once; an unknown job at most once; nothing else was sent.
            submissions.ShouldBeGreaterThanOrEqualTo(withRequest, group.Key);
            submissions.ShouldBeLessThanOrEqualTo(withRequest + group.Count(j => j.State == JobState.Unknown), group.Key);
        }
        jobs.Where(j => j.RequestId is not null).Select(j => j.RequestId).ShouldBeUnique();
        jobs.Where(j => j.RequestId is not null && j.State != JobState.Unknown).ShouldAllBe(j => j.State == JobState.Downloaded);
        foreach (var job in jobs.Where(j => j.State == JobState.Downloaded))
            File.Exists(Path.Combine(w.Outputs, job.FilePath!)).ShouldBeTrue(job.FilePath);
        last.Output.ShouldNotContain("Exception", customMessage: last.Output);
        // The kills caught jobs at fal, and the resumes collected them by request id instead of sending them again.
        var collected = System.Text.RegularExpressions.Regex.Matches(second.Stdout + last.Stdout, @"(\d+) to collect from fal by request id").Sum(m => int.Parse(m.Groups[1].Value));
        collected.ShouldBeGreaterThan(0, second.Stdout + last.Stdout);
    }

    private static async Task KillAfterAsync(int pid, Func<bool> when)
    {
        var deadline = Stopwatch.StartNew();
        while (!when() && deadline.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(20);
        using var kill = Process.Start("kill", ["-KILL", pid.ToString()]);
        await kill!.WaitForExitAsync();
    }
}
