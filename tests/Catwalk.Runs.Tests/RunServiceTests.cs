using Catwalk.Domain;
using Catwalk.Catalog;
using Catwalk.Generation;
using Catwalk.Runs.Execution;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests;

public class RunServiceTests
{
    private static string Endpoint(string key) => ModelCatalog.BuiltIn.Get(key).EndpointId;
    private const string ImageEndpoint = "fal-ai/nano-banana/edit";

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_batch_runs_every_job_once_and_indexes_every_file(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var run = await h.Runs.CreateAsync(h.Batch(2, ["pika", "ltx"], [4, 6]), h.OutputRoot, emulated: true);
        var outcome = await h.Runs.ExecuteAsync(run);

        outcome.Jobs.Count.ShouldBe(2 + 2 * 2 * 2);
        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => j.Error)));
        outcome.Run.Status.ShouldBe(RunStatus.Completed);
        foreach (var job in outcome.Jobs)
        {
            File.Exists(Path.Combine(h.OutputRoot, job.FilePath!)).ShouldBeTrue(job.FilePath);
            File.Exists(job.MetadataPath).ShouldBeTrue();
            job.RequestId.ShouldNotBeNull();
            job.ArgumentsJson.ShouldNotBeNull();
            job.FileSha256!.Length.ShouldBe(64);
        }
        outcome.Jobs.Select(j => j.FilePath).Distinct().Count().ShouldBe(outcome.Jobs.Count); // no two looks or durations share a file
        h.Submissions(ImageEndpoint).ShouldBe(2);
        h.Submissions(Endpoint("pika")).ShouldBe(4);
        h.Submissions(Endpoint("ltx")).ShouldBe(4);
        (await h.Store.Store.GetRunAsync(run.Id))!.FinishedAt.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_same_batch_again_is_served_from_the_cache_without_paying(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var spec = h.Batch(2, ["pika"]);
        await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));
        var before = h.TotalSubmissions;

        var again = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));

        h.TotalSubmissions.ShouldBe(before);
        again.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded && j.CachedFromJobId != null && j.CostUsd == 0);
        again.Reused.ShouldBe(4);
        again.SpentUsd.ShouldBe(0);
        foreach (var job in again.Jobs) File.Exists(Path.Combine(h.OutputRoot, job.FilePath!)).ShouldBeTrue();
        again.Looks.SelectMany(l => l.Videos).SelectMany(v => v.Outcomes).ShouldAllBe(o => o.Cached && o.Metadata!.CachedFrom != null);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Without_the_cache_the_same_batch_is_sent_again(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true));
        var before = h.TotalSubmissions;
        var again = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"], useCache: false), h.OutputRoot, true));
        h.TotalSubmissions.ShouldBe(before + 2);
        again.Reused.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_plan_over_the_budget_is_refused_before_anything_is_stored_or_sent(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var spec = h.Batch(3, ["veo3", "kling"], [8]);
        var estimate = h.Runs.Plan(spec).EstimatedCostUsd;
        var error = await Should.ThrowAsync<OverBudgetException>(() => h.Runs.CreateAsync(spec with { BudgetUsd = estimate - 0.01m }, h.OutputRoot, true));
        error.Message.ShouldContain("over the $");
        error.Message.ShouldContain("budget");
        (await h.Store.Store.ListRunsAsync()).ShouldBeEmpty();
        h.TotalSubmissions.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_running_total_stops_submitting_at_the_budget_and_the_rest_waits_for_a_resume(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var spec = h.Batch(1, ["pika"]);
        // An earlier run already spent money in this run's name: simulate by lowering the budget below image + video after planning.
        var run = await h.Runs.CreateAsync(spec, h.OutputRoot, true);
        var plan = h.Runs.Plan(spec);
        var imageOnly = plan.Jobs.Single(j => j.Stage == StageKind.Image).EstimatedCostUsd;
        var tight = run with { SpecJson = Specs.RunSpecJson.Serialize(spec with { BudgetUsd = imageOnly + 0.001m }) };

        var outcome = await h.Runs.ExecuteAsync(tight);

        outcome.Jobs.Single(j => j.Stage == StageKind.Image).State.ShouldBe(JobState.Downloaded);
        outcome.Jobs.Single(j => j.Stage == StageKind.Video).State.ShouldBe(JobState.Planned);
        outcome.Looks.Single().Videos.Single().Outcomes.Single().Error.ShouldNotBeNull().ShouldContain("budget");
        outcome.Run.Status.ShouldBe(RunStatus.Interrupted);
        h.Submissions(Endpoint("pika")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_interrupted_run_is_resumed_by_request_id_without_sending_anything_twice(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine, latencyScale: 0.01);
        var run = await h.Runs.CreateAsync(h.Batch(3, ["pika", "ltx"]), h.OutputRoot, true);
        using var stop = new CancellationTokenSource();
        var observer = new StopAfterSubmissions(4, stop);
        var first = await h.Runs.ExecuteAsync(run, observer, stop.Token);
        first.Interrupted.ShouldBeTrue();
        first.Run.Status.ShouldBe(RunStatus.Interrupted);
        var atFal = first.Jobs.Where(j => j.State is JobState.Submitted or JobState.Completed).ToList();
        // Submits already on the wire were let finish, so how many are planned varies; videos wait for their images, so some are.
        first.Jobs.Count(j => j.State == JobState.Downloaded).ShouldBeLessThan(first.Jobs.Count);
        first.Jobs.ShouldNotContain(j => j.State == JobState.Submitting || j.State == JobState.Unknown);

        (await h.Runs.UnfinishedAsync()).Select(r => r.Id).ShouldContain(run.Id);
        (await h.Runs.ReopenAsync(run, retryFailed: false, resubmitUnknown: false)).ShouldBe(new RunReopenCounts(0, 0, 0, 0));
        var resumed = await h.Runs.ExecuteAsync((await h.Store.Store.GetRunAsync(run.Id))!);

        resumed.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", resumed.Jobs.Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}")));
        resumed.Run.Status.ShouldBe(RunStatus.Completed);
        foreach (var job in atFal) resumed.Jobs.Single(j => j.Id == job.Id).RequestId.ShouldBe(job.RequestId); // collected, not resent
        h.Submissions(ImageEndpoint).ShouldBe(3);
        h.Submissions(Endpoint("pika")).ShouldBe(3);
        h.Submissions(Endpoint("ltx")).ShouldBe(3);
        (await h.Runs.UnfinishedAsync()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_left_mid_send_is_not_resent_unless_the_user_says_so(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true);
        var image = (await h.Store.Store.GetJobsAsync(run.Id)).Single(j => j.Stage == StageKind.Image);
        // What a process killed between "submitting" and fal's answer leaves behind.
        (await h.Store.Store.MoveAsync(image.Id, JobState.Submitting, new JobUpdate { ArgumentsJson = "{}" })).ShouldBeTrue();

        var counts = await h.Runs.ReopenAsync(run, retryFailed: false, resubmitUnknown: false);
        counts.FoundMidSend.ShouldBe(1);
        var outcome = await h.Runs.ExecuteAsync(run);
        var job = outcome.Jobs.Single(j => j.Stage == StageKind.Image);
        job.State.ShouldBe(JobState.Unknown);
        job.Error.ShouldNotBeNull().ShouldContain("--resubmit-unknown");
        var video = outcome.Jobs.Single(j => j.Stage == StageKind.Video);
        video.State.ShouldBe(JobState.Failed); // no image, no video: said why, in words
        video.Error.ShouldNotBeNull().ShouldStartWith("not run: its image job unknown:");
        video.Error.ShouldNotContain("Exception");
        h.TotalSubmissions.ShouldBe(0);

        (await h.Runs.ReopenAsync(run, retryFailed: true, resubmitUnknown: true)).ShouldBe(new RunReopenCounts(1, 0, 1, 0));
        var resent = await h.Runs.ExecuteAsync(run);
        resent.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        h.TotalSubmissions.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_failed_model_fails_alone_and_retry_failed_sends_only_it(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine, faults: ["job@pika=job-fails x1"]);
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika", "ltx"]), h.OutputRoot, true);
        var first = await h.Runs.ExecuteAsync(run);
        first.Jobs.Single(j => j.ModelKey == "pika").State.ShouldBe(JobState.Failed);
        first.Jobs.Single(j => j.ModelKey == "ltx").State.ShouldBe(JobState.Downloaded);
        first.Run.Status.ShouldBe(RunStatus.Partial);

        (await h.Runs.ReopenAsync(run, retryFailed: true, resubmitUnknown: false)).Failed.ShouldBe(1);
        var second = await h.Runs.ExecuteAsync(run);
        second.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        h.Submissions(Endpoint("pika")).ShouldBe(2);
        h.Submissions(Endpoint("ltx")).ShouldBe(1);
        h.Submissions(ImageEndpoint).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_that_times_out_while_running_is_collected_by_the_resume_not_paid_again(string engine)
    {
        // pika ≈ 2.5 s at fal; its image is made near-instant at the emulator, so a loaded machine cannot push the image
        // itself past the 1 s timeout (then the video would be held, never sent, and there would be nothing to collect).
        var quickImage = new ModelCatalog(ModelCatalog.BuiltIn.Models.Select(m => m.IsVideo ? m : m with { Latency = new() { InferenceSeconds = 0.4 } }));
        await using var h = await RunsHarness.StartAsync(engine, latencyScale: 0.05, emulatorCatalog: quickImage);
        var spec = h.Batch(1, ["pika"]) with { TimeoutSeconds = 1 };
        var run = await h.Runs.CreateAsync(spec, h.OutputRoot, true);
        var first = await h.Runs.ExecuteAsync(run);
        var video = first.Jobs.Single(j => j.Stage == StageKind.Video);
        video.State.ShouldBe(JobState.Submitted); // still at fal, paid for: kept, not failed
        first.Looks.Single().Videos.Single().Outcomes.Single().Error.ShouldNotBeNull().ShouldContain("catwalk resume` collects it");

        var patient = run with { SpecJson = Specs.RunSpecJson.Serialize(spec with { TimeoutSeconds = null }) };
        var resumed = await h.Runs.ExecuteAsync(patient);
        resumed.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        resumed.Jobs.Single(j => j.Stage == StageKind.Video).RequestId.ShouldBe(video.RequestId);
        h.Submissions(Endpoint("pika")).ShouldBe(1);
    }

    /// <summary>Cancels the run once this many jobs have a request id: an interruption with work at fal and work not yet sent.</summary>
    private sealed class StopAfterSubmissions(int count, CancellationTokenSource stop) : IRunObserver
    {
        private int _submitted;
        public void Started(IReadOnlyList<JobRecord> jobs) { }
        public void Moved(JobRecord job, JobPhase phase, string? detail)
        {
            if (phase == JobPhase.Queued && detail is { Length: > 0 } && !detail.StartsWith('{') && Interlocked.Increment(ref _submitted) == count) stop.Cancel();
        }
        public void Progress(JobRecord job, GenerationProgress progress) { }
    }
}
