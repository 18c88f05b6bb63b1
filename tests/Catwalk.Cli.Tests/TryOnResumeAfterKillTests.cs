using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>A try-on chain (top, then bottom) killed with SIGKILL between its calls, then resumed: each call is sent once, the chain finishes from where it was.</summary>
public class TryOnResumeAfterKillTests
{
    [Fact]
    public async Task Kill_9_in_the_middle_of_a_try_on_chain_then_resume_sends_no_call_twice()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0.05, GpusPerEndpoint = 2 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory("catwalk-tryon-");
        for (var p = 0; p < 2; p++) TestImages.WritePng(dir.File($"person{p}.png"), 320, 480, p + 1);
        TestImages.WritePng(dir.File("top.png"), 320, 480, 11);
        TestImages.WritePng(dir.File("trousers.png"), 320, 480, 12);
        File.WriteAllText(dir.File("batch.yaml"), """
            name: try-on-kill
            image_models: [fashn-tryon]
            models: [pika]
            concurrency: 4
            people:
              - id: p0
                image: person0.png
              - id: p1
                image: person1.png
            outfits:
              - id: look
                images: [trousers.png, top.png]
                garments: [bottom, top]
            """);
        var db = dir.File("catwalk.db");
        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_DB"] = db };
        const string tryOn = "fal-ai/fashn/tryon/v1.6";
        int Calls() => emulator.GetStats().Endpoints.GetValueOrDefault(tryOn)?.Submissions ?? 0;

        // Both chains' first calls, and at least one second call, are sent when the process dies.
        var first = await CliRunner.RunAsync(dir.Path, env, pid => KillAfterAsync(pid, () => Calls() >= 3), "batch", "batch.yaml", "--out", "out");
        first.ExitCode.ShouldBe(137, first.ToString());
        var resumed = await CliRunner.RunAsync(dir.Path, env, "resume", "--out", "out");
        resumed.ExitCode.ShouldBeOneOf([0, 1], resumed.ToString());

        await using var store = await RunStoreFactory.OpenAsync(db, dir.File("out"));
        var run = (await store.ListRunsAsync()).ShouldHaveSingleItem();
        var jobs = await store.GetJobsAsync(run.Id);
        jobs.Count.ShouldBe(2 * 2 + 2);
        var images = jobs.Where(j => j.Stage == StageKind.Image).ToList();
        images.Where(j => j.InputKey.EndsWith("~1-top")).Count().ShouldBe(2);
        var unknown = jobs.Count(j => j.State == JobState.Unknown);
        jobs.Where(j => j.State != JobState.Unknown).ShouldAllBe(j => j.State == JobState.Downloaded || j.State == JobState.Failed && j.Error!.Contains("image"),
            string.Join("\n", jobs.Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}")));
        var withRequest = images.Count(j => j.RequestId is not null);
        Calls().ShouldBeGreaterThanOrEqualTo(withRequest);
        Calls().ShouldBeLessThanOrEqualTo(withRequest + images.Count(j => j.State == JobState.Unknown)); // nothing sent twice
        images.Where(j => j.RequestId is not null).Select(j => j.RequestId).ShouldBeUnique();
        if (unknown == 0)
        {
            jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
            Calls().ShouldBe(4);
            foreach (var end in images.Where(j => j.InputJobId is not null))
                end.InputJobId.ShouldBe(images.Single(j => j.LookId == end.LookId && j.InputJobId is null).Id);
        }
    }

    private static async Task KillAfterAsync(int pid, Func<bool> when)
    {
        var deadline = Stopwatch.StartNew();
        while (!when() && deadline.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(10);
        using var kill = Process.Start("kill", ["-KILL", pid.ToString()]);
        await kill!.WaitForExitAsync();
    }
}
