using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>The same contract on SQLite and on PostgreSQL (when the test server is up).</summary>
public class RunStoreTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_and_its_jobs_round_trip(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run) with { Prompt = "walks <script>x</script>", Emulated = true };
        await t.Store.CreateRunAsync(run, [job, Jobs.Job(run, "kling")]);

        var stored = (await t.Store.GetRunAsync(run.Id)).ShouldNotBeNull();
        stored.ShouldBe(run);
        var jobs = await t.Store.GetJobsAsync(run.Id);
        jobs.Count.ShouldBe(2);
        jobs.Single(j => j.ModelKey == "veo3").ShouldBe(job);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Unfinished_jobs_are_counted_and_jobs_found_by_input_without_reading_the_run(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (a, b, c) = (Jobs.Job(run, input: "a"), Jobs.Job(run, input: "b"), Jobs.Job(run, input: "c", stage: StageKind.Image));
        await t.Store.CreateRunAsync(run, [a, b, c]);
        await t.Store.MoveAsync(a.Id, JobState.Failed, new JobUpdate { Error = "x" });
        await t.Store.MoveAsync(b.Id, JobState.Submitting);

        (await t.Store.CountUnfinishedJobsAsync(run.Id)).ShouldBe(2);
        (await t.Store.QueryJobsAsync(new JobQuery { RunId = run.Id, InputKey = "c" })).Single().Id.ShouldBe(c.Id);
        (await t.Store.QueryJobsAsync(new JobQuery { RunId = run.Id, Stage = StageKind.Video, InputKey = "c" })).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_jobs_stage_is_stored_as_its_word_and_read_back_as_its_kind(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (image, video) = (Jobs.Job(run, input: "a", stage: StageKind.Image), Jobs.Job(run, input: "a", stage: StageKind.Video));
        await t.Store.CreateRunAsync(run, [image, video]);

        (await t.Store.GetJobAsync(image.Id))!.Stage.ShouldBe(StageKind.Image);
        (await t.Store.GetJobAsync(video.Id))!.Stage.ShouldBe(StageKind.Video);
        (await t.Store.GetJobsAsync(run.Id)).Select(j => j.Stage).Order().ShouldBe([StageKind.Image, StageKind.Video]);
        (await t.Store.QueryJobsAsync(new JobQuery { RunId = run.Id, Stage = StageKind.Video })).Single().Id.ShouldBe(video.Id);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_walks_the_state_machine_and_keeps_every_field(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);

        (await t.Store.MoveAsync(job.Id, JobState.Submitting)).ShouldBeTrue();
        (await t.Store.MoveAsync(job.Id, JobState.Submitted, new JobUpdate { RequestId = "req-1", SubmittedAt = 5 })).ShouldBeTrue();
        (await t.Store.MoveAsync(job.Id, JobState.Completed, new JobUpdate { ResultJson = """{"video":{"url":"u"}}""", CompletedAt = 9, QueueSec = 1.5, InferenceSec = 2.25 })).ShouldBeTrue();
        (await t.Store.MoveAsync(job.Id, JobState.Downloaded, new JobUpdate
        {
            FilePath = "videos/a.mp4", FileSha256 = "ab", FileBytes = 1234, DownloadSec = 0.5, LatencySec = 4.25, CostUsd = 0.4m, MetadataJson = "{}", DurationSec = 8,
        })).ShouldBeTrue();

        var done = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        done.State.ShouldBe(JobState.Downloaded);
        done.RequestId.ShouldBe("req-1");
        done.SubmittedAt.ShouldBe(5);
        done.ResultJson.ShouldBe("""{"video":{"url":"u"}}""");
        (done.QueueSec, done.InferenceSec, done.DownloadSec, done.LatencySec).ShouldBe((1.5, 2.25, 0.5, 4.25));
        (done.FilePath, done.FileSha256, done.FileBytes, done.CostUsd).ShouldBe(("videos/a.mp4", "ab", 1234L, 0.4m));
        var events = await t.Store.GetEventsAsync(job.Id);
        events.Select(e => e.State).ShouldBe(["submitting", "submitted", "completed", "downloaded"]);
        events.Select(e => e.Seq).ShouldBe([1, 2, 3, 4]);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_illegal_move_changes_nothing(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);
        await t.Store.MoveAsync(job.Id, JobState.Submitting);
        await t.Store.MoveAsync(job.Id, JobState.Submitted, new JobUpdate { RequestId = "req-1" });

        // Two resumers racing: only one may claim the job for submission, and a submitted job is never re-planned.
        (await t.Store.MoveAsync(job.Id, JobState.Submitting)).ShouldBeFalse();
        (await t.Store.MoveAsync(job.Id, JobState.Planned)).ShouldBeFalse();
        (await t.Store.GetJobAsync(job.Id))!.State.ShouldBe(JobState.Submitted);
        (await t.Store.GetEventsAsync(job.Id)).Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Only_one_of_many_concurrent_claims_wins(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => t.Store.MoveAsync(job.Id, JobState.Submitting)));
        claims.Count(c => c).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Adding_a_job_twice_keeps_the_first(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);
        await t.Store.MoveAsync(job.Id, JobState.Submitting);
        await t.Store.AddJobsAsync([Jobs.Job(run), Jobs.Job(run, "kling")]);
        var jobs = await t.Store.GetJobsAsync(run.Id);
        jobs.Count.ShouldBe(2);
        jobs.Single(j => j.ModelKey == "veo3").State.ShouldBe(JobState.Submitting);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Unfinished_runs_are_those_with_open_jobs(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var open = Jobs.Run(at: 1);
        var done = Jobs.Run(at: 2);
        var openJob = Jobs.Job(open);
        var doneJob = Jobs.Job(done);
        await t.Store.CreateRunAsync(open, [openJob]);
        await t.Store.CreateRunAsync(done, [doneJob]);
        await t.Store.MoveAsync(doneJob.Id, JobState.Failed, new JobUpdate { Error = "boom" });

        (await t.Store.ListRunsAsync(new RunQuery { UnfinishedOnly = true })).Select(r => r.Id).ShouldBe([open.Id]);
        (await t.Store.ListRunsAsync()).Select(r => r.Id).ShouldBe([done.Id, open.Id]);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_is_found_by_a_unique_prefix(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await t.Store.CreateRunAsync(Jobs.Run("abc123"), []);
        await t.Store.CreateRunAsync(Jobs.Run("abd456"), []);
        (await t.Store.GetRunAsync("abc"))!.Id.ShouldBe("abc123");
        (await t.Store.GetRunAsync("zzz")).ShouldBeNull();
        (await Should.ThrowAsync<StoreException>(() => t.Store.GetRunAsync("ab"))).Message.ShouldContain("several runs");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_cache_finds_the_newest_downloaded_job_with_the_key(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var failed = Jobs.Job(run, "veo3", "a") with { CacheKey = "k1" };
        var done = Jobs.Job(run, "veo3", "b") with { CacheKey = "k1" };
        await t.Store.CreateRunAsync(run, [failed, done]);
        await t.Store.MoveAsync(failed.Id, JobState.Failed);
        (await t.Store.FindCachedAsync("k1")).ShouldBeNull();
        await t.Store.MoveAsync(done.Id, JobState.Downloaded, new JobUpdate { FilePath = "x.mp4", CompletedAt = 3 });
        (await t.Store.FindCachedAsync("k1"))!.Id.ShouldBe(done.Id);
        (await t.Store.FindCachedAsync("k2")).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Queries_filter_by_model_time_and_person(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        await t.Store.CreateRunAsync(run, [Jobs.Job(run, "veo3", "a", at: 1000), Jobs.Job(run, "kling", "a", at: 2000), Jobs.Job(run, "veo3", "b", at: 3000) with { PersonId = "ben" }]);
        (await t.Store.QueryJobsAsync(new JobQuery { Models = ["veo3"] })).Count.ShouldBe(2);
        (await t.Store.QueryJobsAsync(new JobQuery { From = DateTimeOffset.FromUnixTimeMilliseconds(1500) })).Count.ShouldBe(2);
        (await t.Store.QueryJobsAsync(new JobQuery { To = DateTimeOffset.FromUnixTimeMilliseconds(1500) })).Count.ShouldBe(1);
        (await t.Store.QueryJobsAsync(new JobQuery { PersonId = "ben" })).Single().InputKey.ShouldBe("b");
        (await t.Store.QueryJobsAsync(new JobQuery { RunId = run.Id, Stage = StageKind.Image })).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Import_skips_what_was_imported_before(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run(kind: RunKind.Import);
        var a = Jobs.Job(run, "veo3", "a") with { ImportKey = "sha-a", Source = "import", State = JobState.Downloaded };
        var b = Jobs.Job(run, "kling", "b") with { ImportKey = "sha-b", Source = "import", State = JobState.Downloaded };
        (await t.Store.ImportAsync(run, [a, b])).ShouldBe(2);

        var again = Jobs.Run(kind: RunKind.Import);
        (await t.Store.ImportAsync(again, [a with { Id = "x1" }, b with { Id = "x2" }])).ShouldBe(0);
        (await t.Store.GetRunAsync(again.Id)).ShouldBeNull(); // no empty run left behind
        (await t.Store.QueryJobsAsync(new JobQuery())).Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_finished_run_records_its_status(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        await t.Store.CreateRunAsync(run, []);
        await t.Store.UpdateRunAsync(run.Id, RunStatus.Partial, finished: true);
        var stored = (await t.Store.GetRunAsync(run.Id))!;
        stored.Status.ShouldBe(RunStatus.Partial);
        stored.FinishedAt.ShouldNotBeNull();
    }
}
