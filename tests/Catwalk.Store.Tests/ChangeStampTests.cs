using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>
/// The change stamp the overview reuses its last answer by: the same while nothing changes, different after each kind
/// of change a view could show (a job added, a state moved, metrics saved, a bill recorded, a vote cast), on both engines.
/// </summary>
public class ChangeStampTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_stamp_holds_while_nothing_changes_and_moves_with_every_change_a_view_shows(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (left, right) = (Jobs.Job(run, model: "kling", input: "look@5s"), Jobs.Job(run, model: "ltx", input: "look@5s"));
        await t.Store.CreateRunAsync(run, [left]);
        var all = new JobQuery();
        var stamps = new List<string> { await t.Store.ChangeStampAsync(all) };
        (await t.Store.ChangeStampAsync(all)).ShouldBe(stamps[0], "nothing changed");

        async Task ChangedAsync(string what)
        {
            var stamp = await t.Store.ChangeStampAsync(all);
            stamps.ShouldNotContain(stamp, what);
            stamps.Add(stamp);
        }
        await t.Store.AddJobsAsync([right]);
        await ChangedAsync("a job added");
        await t.Store.MoveAsync(left.Id, JobState.Submitting);
        await ChangedAsync("a state moved");
        await t.Store.SaveMetricsAsync(left.Id, """{"ssim_first":0.9}""");
        await ChangedAsync("metrics saved");
        await t.Store.RecordBilledAsync([new JobBill(left.Id, 0.35m, BillingSource.Usage)]);
        await ChangedAsync("a bill recorded");
        await t.Store.AddVoteAsync(new VoteRecord
        {
            Id = Guid.NewGuid().ToString("N"), CreatedAt = 1, RunId = run.Id, InputKey = "look@5s", LeftJobId = left.Id, RightJobId = right.Id,
            LeftModel = "kling", RightModel = "ltx", Outcome = VoteOutcome.Left,
        });
        await ChangedAsync("a vote cast");
        (await t.Store.ChangeStampAsync(new JobQuery { Models = ["nothing"] })).ShouldNotBe(stamps[^1], "a filter's stamp is of its own jobs");
    }
}
