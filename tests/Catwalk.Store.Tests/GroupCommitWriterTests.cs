using Catwalk.Store.Sql;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>SQLite's single writer: writes asked for at once share a commit, yet each is committed when it returns and fails alone.</summary>
public class GroupCommitWriterTests
{
    private static GroupCommitWriter WriterOf(IRunStore store) => ((SqlRunStore)store).Database.Writer.ShouldNotBeNull();

    /// <summary>A SQLite store holding one run of <paramref name="count"/> planned jobs.</summary>
    private static async Task<(TestStore Store, RunRecord Run, List<JobRecord> Jobs)> StoreWithJobsAsync(int count)
    {
        var t = await TestStore.OpenAsync("sqlite");
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, count).Select(i => Jobs.Job(run, input: $"look{i}")).ToList();
        await t.Store.CreateRunAsync(run, jobs);
        return (t, run, jobs);
    }

    [Fact]
    public async Task Jobs_moving_at_once_share_commits_and_each_move_is_on_disk_when_it_returns()
    {
        var (t, run, jobs) = await StoreWithJobsAsync(300);
        await using var _ = t;
        var before = WriterOf(t.Store).Commits;

        var moved = await Task.WhenAll(jobs.Select(j => t.Store.MoveAsync(j.Id, JobState.Submitting, new JobUpdate { ArgumentsJson = $$"""{"n":"{{j.InputKey}}"}""" })));

        moved.ShouldAllBe(m => m);
        var commits = WriterOf(t.Store).Commits - before;
        commits.ShouldBeLessThan(150, $"{commits} commits for 300 moves asked for at once");
        // What each caller was told is committed is there for another process opening the file now.
        await using var other = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot);
        var stored = await other.GetJobsAsync(run.Id);
        stored.ShouldAllBe(j => j.State == JobState.Submitting && j.ArgumentsJson == $$"""{"n":"{{j.InputKey}}"}""");
        foreach (var job in jobs.Take(5)) (await other.GetEventsAsync(job.Id)).Select(e => e.State).ShouldBe(["submitting"]);
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_writes_beside_it_are_kept()
    {
        var (t, run, jobs) = await StoreWithJobsAsync(100);
        await using var _ = t;
        var before = WriterOf(t.Store).Commits;

        var moves = jobs.Select(j => t.Store.MoveAsync(j.Id, JobState.Submitting)).ToList();
        var duplicate = t.Store.CreateRunAsync(run, []); // the same run id again: refused by its primary key
        var guarded = t.Store.MoveAsync(jobs[0].Id, JobState.Downloaded); // not allowed from planned/submitting: false, not an error

        await Should.ThrowAsync<Exception>(() => duplicate);
        (await Task.WhenAll(moves)).ShouldAllBe(m => m);
        (await guarded).ShouldBeFalse();
        (WriterOf(t.Store).Commits - before).ShouldBeLessThan(51);
        (await t.Store.GetJobsAsync(run.Id)).ShouldAllBe(j => j.State == JobState.Submitting);
    }

    [Fact]
    public async Task A_write_cancelled_before_the_writer_reaches_it_is_not_written()
    {
        await using var t = await TestStore.OpenAsync("sqlite");
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => t.Store.MoveAsync(job.Id, JobState.Submitting, cancellationToken: cancel.Token));

        (await t.Store.GetJobAsync(job.Id))!.State.ShouldBe(JobState.Planned);
    }

    [Fact]
    public async Task Closing_the_store_finishes_the_writes_it_was_given()
    {
        var (t, run, jobs) = await StoreWithJobsAsync(50);
        var moves = jobs.Select(j => t.Store.MoveAsync(j.Id, JobState.Submitting)).ToList();
        await t.Store.DisposeAsync();

        (await Task.WhenAll(moves)).ShouldAllBe(m => m);
        await using var reopened = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot);
        (await reopened.GetJobsAsync(run.Id)).ShouldAllBe(j => j.State == JobState.Submitting);
        await t.DisposeAsync();
    }
}
