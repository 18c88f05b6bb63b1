using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>Pairwise votes: stored as rows on both engines, read back in order, filtered, kept across reopening.</summary>
public class VoteStoreTests
{
    private static VoteRecord Vote(JobRecord left, JobRecord right, string outcome, long at, string? voter = null) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"), CreatedAt = at, RunId = left.RunId, InputKey = left.InputKey,
        LeftJobId = left.Id, RightJobId = right.Id, LeftModel = left.ModelKey, RightModel = right.ModelKey, Outcome = outcome, Voter = voter,
    };

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Votes_round_trip_in_order_and_filter_by_run_and_model(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (veo, kling, luma) = (Jobs.Job(run, "veo3"), Jobs.Job(run, "kling"), Jobs.Job(run, "luma"));
        await t.Store.CreateRunAsync(run, [veo, kling, luma]);
        var other = Jobs.Run();
        var (veo2, kling2) = (Jobs.Job(other, "veo3"), Jobs.Job(other, "kling"));
        await t.Store.CreateRunAsync(other, [veo2, kling2]);

        var votes = new[]
        {
            Vote(veo, kling, VoteOutcome.Left, 30, voter: "ann"),
            Vote(kling, luma, VoteOutcome.Tie, 10),
            Vote(luma, veo, VoteOutcome.BothBad, 20),
            Vote(veo2, kling2, VoteOutcome.Right, 40),
        };
        foreach (var vote in votes) await t.Store.AddVoteAsync(vote);

        (await t.Store.GetVotesAsync()).ShouldBe([votes[1], votes[2], votes[0], votes[3]]);
        (await t.Store.GetVotesAsync(new VoteQuery { RunId = other.Id })).ShouldBe([votes[3]]);
        (await t.Store.GetVotesAsync(new VoteQuery { Model = "luma" })).ShouldBe([votes[1], votes[2]]);
        (await t.Store.GetVotesAsync(new VoteQuery { RunId = run.Id, Model = "veo3" })).ShouldBe([votes[2], votes[0]]);
        (await t.Store.GetVotesAsync(new VoteQuery { Limit = 1 })).ShouldBe([votes[1]]);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Bad_votes_are_refused_and_nothing_is_stored(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (veo, kling) = (Jobs.Job(run, "veo3"), Jobs.Job(run, "kling"));
        await t.Store.CreateRunAsync(run, [veo, kling]);

        await Should.ThrowAsync<ArgumentException>(() => t.Store.AddVoteAsync(Vote(veo, kling, "draw", 1)));
        await Should.ThrowAsync<ArgumentException>(() => t.Store.AddVoteAsync(Vote(veo, veo, VoteOutcome.Left, 1)));
        await Should.ThrowAsync<Exception>(() => t.Store.AddVoteAsync(Vote(veo, kling, VoteOutcome.Left, 1) with { RightJobId = "no-such-job" }));
        (await t.Store.GetVotesAsync()).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Votes_survive_reopening_the_store(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (veo, kling) = (Jobs.Job(run, "veo3"), Jobs.Job(run, "kling"));
        await t.Store.CreateRunAsync(run, [veo, kling]);
        var vote = Vote(veo, kling, VoteOutcome.Right, 5, voter: "bob");
        await t.Store.AddVoteAsync(vote);

        await using var reopened = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot);
        (await reopened.GetVotesAsync()).ShouldBe([vote]);
    }
}
