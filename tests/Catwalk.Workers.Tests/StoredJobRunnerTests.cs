using Catwalk.Domain;
using Catwalk.Runs.Journal;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Workers.Tests;

public class StoredJobRunnerTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_done_job_by_job_by_two_workers_is_saved_in_its_own_folder_once(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var run = await h.StoreRunAsync(h.Batch(2, ["pika", "ltx"]));
        var jobs = await h.Runs.GetJobsAsync(run.Id);

        // Images first (as the queue's continuations order them), then videos, spread over both workers.
        foreach (var image in jobs.Where(j => j.Stage == StageKind.Image)) (await h.Worker(0).RunAsync(run.Id, image.Id, default)).ShouldBe(JobState.Downloaded);
        var videos = jobs.Where(j => j.Stage == StageKind.Video).ToList();
        var states = await Task.WhenAll(videos.Select((v, i) => h.Worker(i % 2).RunAsync(run.Id, v.Id, default)));
        states.ShouldAllBe(s => s == JobState.Downloaded);

        var done = await h.Runs.GetJobsAsync(run.Id);
        foreach (var job in done) File.Exists(Path.Combine(run.OutputRoot, job.FilePath!)).ShouldBeTrue(job.FilePath);
        Directory.Exists(Path.Combine(h.Folder.Path, "worker0-out", "videos")).ShouldBeFalse("a worker's own --out is not where runs go");
        h.TotalSubmissions.ShouldBe(done.Count);
        (await h.Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
        // The second worker sent the first worker's image back as fal's own URL: the emulator saw only the references uploaded.
        h.Emulator.GetStats().Uploads.ShouldBe(4);

        // Again: every job is done, so nothing is sent.
        foreach (var job in done) (await h.Worker(1).RunAsync(run.Id, job.Id, default)).ShouldBe(JobState.Downloaded);
        h.TotalSubmissions.ShouldBe(done.Count);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Two_workers_share_one_budget_and_stop_sending_at_it(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var spec = h.Batch(6, ["pika"], videoOnly: true);
        var probe = await h.StoreRunAsync(spec);
        var each = (await h.Runs.GetJobsAsync(probe.Id)).First().EstimatedCostUsd;
        var run = await h.StoreRunAsync(spec with { BudgetUsd = each * 3.5m }); // room for 3 of the 6

        var jobs = await h.Runs.GetJobsAsync(run.Id);
        var states = await Task.WhenAll(jobs.Select((j, i) => h.Worker(i % 2).RunAsync(run.Id, j.Id, default)));

        states.Count(s => s == JobState.Downloaded).ShouldBe(3);
        states.Count(s => s == JobState.Planned).ShouldBe(3, "over budget: left planned, not failed");
        var after = await h.Runs.GetJobsAsync(run.Id);
        after.Sum(j => j.ChargedUsd).ShouldBeLessThanOrEqualTo(each * 3.5m);
        h.TotalSubmissions.ShouldBe(3);
        (await h.Runs.ListSlotsAsync()).ShouldBeEmpty("every slot was given back");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_another_live_worker_holds_is_left_to_it(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine, slotTimeToLive: TimeSpan.FromSeconds(1));
        var run = await h.StoreRunAsync(h.Batch(1, ["pika"], videoOnly: true));
        var job = (await h.Runs.GetJobsAsync(run.Id)).Single();
        await h.Runs.TryTakeSlotAsync(new SlotRequest { JobId = job.Id, RunId = run.Id, EndpointId = job.EndpointId, Owner = "busy-worker", EndpointLimit = 2, TimeToLive = TimeSpan.FromMinutes(5) });

        var e = await Should.ThrowAsync<JobHeldElsewhereException>(() => h.Worker(0).RunAsync(run.Id, job.Id, default));
        e.Holder.ShouldBe("busy-worker");
        (await h.Runs.GetJobAsync(job.Id))!.State.ShouldBe(JobState.Planned);
        h.TotalSubmissions.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_video_whose_image_failed_fails_in_words_without_sending(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var run = await h.StoreRunAsync(h.Batch(1, ["pika"]));
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        await h.Runs.MoveAsync(jobs.Single(j => j.Stage == StageKind.Image).Id, JobState.Failed, new JobUpdate { Error = "content policy" });

        (await h.Worker(0).RunAsync(run.Id, jobs.Single(j => j.Stage == StageKind.Video).Id, default)).ShouldBe(JobState.Failed);
        (await h.Runs.GetJobAsync(jobs.Single(j => j.Stage == StageKind.Video).Id))!.Error.ShouldBe("not run: its image job failed: content policy");
        h.TotalSubmissions.ShouldBe(0);
        (await h.Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Failed);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_input_gone_since_enqueueing_fails_the_job_in_words_instead_of_retrying(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var spec = h.Batch(1, ["pika"], videoOnly: true);
        var run = await h.StoreRunAsync(spec);
        var job = (await h.Runs.GetJobsAsync(run.Id)).Single();
        File.Delete(spec.Looks[0].StartImage!);

        (await h.Worker(0).RunAsync(run.Id, job.Id, default)).ShouldBe(JobState.Failed);
        (await h.Runs.GetJobAsync(job.Id))!.Error!.ShouldContain("does not exist");
        h.TotalSubmissions.ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_emulator_worker_leaves_a_run_for_fal_alone(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var run = await h.StoreRunAsync(h.Batch(1, ["pika"], videoOnly: true), emulated: false);
        var job = (await h.Runs.GetJobsAsync(run.Id)).Single();

        (await Should.ThrowAsync<InvalidOperationException>(() => h.Worker(0).RunAsync(run.Id, job.Id, default))).Message.ShouldContain("for fal");
        h.TotalSubmissions.ShouldBe(0);
    }
}
