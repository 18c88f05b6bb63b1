using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>fal's progress of a job (queue position, running, last log lines), on both engines.</summary>
public class JobProgressTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Queue_position_then_running_then_logs_are_recorded(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);

        var fresh = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        (fresh.QueuePosition, fresh.RunningSince, fresh.LastLogs).ShouldBe((null, null, null));
        fresh.LastLogLines().ShouldBeEmpty();

        (await t.Store.RecordProgressAsync(job.Id, 3, running: false, [])).ShouldBeTrue();
        var queued = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        queued.QueuePosition.ShouldBe(3);
        queued.RunningSince.ShouldBeNull();

        (await t.Store.RecordProgressAsync(job.Id, null, running: true, ["loading model", "step 1/4 \"quoted\" <b>"])).ShouldBeTrue();
        var running = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        running.QueuePosition.ShouldBeNull();
        var since = running.RunningSince.ShouldNotBeNull();
        running.LastLogLines().ShouldBe(["loading model", "step 1/4 \"quoted\" <b>"]);

        // Running again keeps the first time it was seen running, and appends.
        await t.Store.RecordProgressAsync(job.Id, 7, running: true, ["step 2/4"]);
        var again = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        again.RunningSince.ShouldBe(since);
        again.QueuePosition.ShouldBeNull();
        again.LastLogLines().ShouldBe(["loading model", "step 1/4 \"quoted\" <b>", "step 2/4"]);
        // A change with no new lines (written without reading the kept ones) keeps them as they were.
        (await t.Store.RecordProgressAsync(job.Id, null, running: true, [])).ShouldBeTrue();
        var quiet = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull();
        (quiet.RunningSince, quiet.QueuePosition).ShouldBe((since, null));
        quiet.LastLogLines().ShouldBe(["loading model", "step 1/4 \"quoted\" <b>", "step 2/4"]);
        // Progress is not a state change: no event, state untouched.
        again.State.ShouldBe(JobState.Planned);
        (await t.Store.GetEventsAsync(job.Id)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Only_the_last_twenty_log_lines_are_kept(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);
        await t.Store.RecordProgressAsync(job.Id, null, running: true, [.. Enumerable.Range(1, 15).Select(i => $"line {i}")]);
        await t.Store.RecordProgressAsync(job.Id, null, running: true, [.. Enumerable.Range(16, 15).Select(i => $"line {i}")]);
        var lines = (await t.Store.GetJobAsync(job.Id)).ShouldNotBeNull().LastLogLines();
        lines.Count.ShouldBe(IRunStore.KeptLogLines);
        lines[0].ShouldBe("line 11");
        lines[^1].ShouldBe("line 30");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Progress_of_an_unknown_job_is_refused(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        (await t.Store.RecordProgressAsync("no-such-job", 1, running: false, ["x"])).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Many_jobs_progress_is_written_at_once_and_unknown_jobs_are_not_counted(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (queued, running) = (Jobs.Job(run), Jobs.Job(run, input: "second"));
        await t.Store.CreateRunAsync(run, [queued, running]);
        (await t.Store.RecordProgressAsync([
            new JobProgress(queued.Id, 5, false, []),
            new JobProgress("no-such-job", 1, false, ["x"]),
            new JobProgress(running.Id, 2, true, ["step 1/2"]),
        ])).ShouldBe(2);
        (await t.Store.GetJobAsync(queued.Id)).ShouldNotBeNull().QueuePosition.ShouldBe(5);
        var second = (await t.Store.GetJobAsync(running.Id)).ShouldNotBeNull();
        (second.QueuePosition, second.RunningSince is not null, second.LastLogLines().Single()).ShouldBe((null, true, "step 1/2"));
        (await t.Store.RecordProgressAsync([])).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_version_two_database_gets_the_progress_columns_and_keeps_its_jobs(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var db = engine == "postgres" ? t.Db : Path.Combine(t.OutputRoot, "v2.db");
        if (engine == "postgres") await MigratorTests.DropAllAsync(t);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await using (var old = await RunStoreFactory.OpenAtVersionAsync(db, t.OutputRoot, 2))
        {
            (await old.SchemaVersionAsync()).ShouldBe(2);
            await old.CreateRunAsync(run, [job]);
        }
        await using var upgraded = await RunStoreFactory.OpenAsync(db, t.OutputRoot);
        (await upgraded.SchemaVersionAsync()).ShouldBe(Sql.Migrator.Latest);
        (await upgraded.GetJobAsync(job.Id)).ShouldNotBeNull().ShouldBe(job);
        (await upgraded.RecordProgressAsync(job.Id, 2, running: false, ["queued"])).ShouldBeTrue();
        (await upgraded.GetJobAsync(job.Id)).ShouldNotBeNull().QueuePosition.ShouldBe(2);
    }
}
