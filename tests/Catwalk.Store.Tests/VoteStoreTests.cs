using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>Pairwise votes: stored as rows on both engines, read back in order, filtered, kept across reopening.</summary>
public class VoteStoreTests
{
    private static VoteRecord Vote(JobRecord left, JobRecord right, string outcome, long at, string? voter = null) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"), CreatedAt = at, RunId = left.RunId, InputKey = left.InputKey,
        LeftJobId = left.Id, RightJobId = right.Id, LeftModel = left.ModelKey, RightModel = right.ModelKey, Outcome = outcome, Voter = voter, Stage = left.Stage,
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

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Votes_on_images_are_stored_with_their_stage_and_read_apart_from_votes_on_videos(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (seedream, nano) = (Jobs.Job(run, "seedream-edit", "look/front", StageKind.Image), Jobs.Job(run, "nano-banana-edit", "look/front", StageKind.Image));
        var (veo, kling) = (Jobs.Job(run, "veo3", "look/front@5s"), Jobs.Job(run, "kling", "look/front@5s"));
        await t.Store.CreateRunAsync(run, [seedream, nano, veo, kling]);
        var onImages = Vote(seedream, nano, VoteOutcome.Left, 10);
        var onVideos = Vote(veo, kling, VoteOutcome.Tie, 20);
        await t.Store.AddVoteAsync(onImages);
        await t.Store.AddVoteAsync(onVideos);

        (await t.Store.GetVotesAsync()).ShouldBe([onImages, onVideos]);
        (await t.Store.GetVotesAsync(new VoteQuery { Stage = StageKind.Image })).ShouldBe([onImages]);
        (await t.Store.GetVotesAsync(new VoteQuery { Stage = StageKind.Video })).ShouldBe([onVideos]);
        (await t.Store.GetVotesAsync(new VoteQuery { Stage = StageKind.Image, RunId = run.Id, Model = "nano-banana-edit" })).ShouldBe([onImages]);
        (await t.Store.GetVotesAsync(new VoteQuery { Stage = StageKind.Video, Model = "nano-banana-edit" })).ShouldBeEmpty();
        (await t.Store.GetVotesAsync()).Select(v => v.Stage).ShouldBe([StageKind.Image, StageKind.Video]);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_vote_between_an_image_and_a_video_or_of_the_wrong_stage_is_refused_with_a_clear_error(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (image, video, other) = (Jobs.Job(run, "seedream-edit", "look", StageKind.Image), Jobs.Job(run, "veo3", "look@5s"), Jobs.Job(run, "kling", "look@5s"));
        await t.Store.CreateRunAsync(run, [image, video, other]);

        var mixed = await Should.ThrowAsync<ArgumentException>(() => t.Store.AddVoteAsync(Vote(image, video, VoteOutcome.Left, 1)));
        mixed.Message.ShouldContain("not one of each");
        mixed.Message.ShouldContain($"left job {image.Id}: image, right job {video.Id}: video");
        var swapped = await Should.ThrowAsync<ArgumentException>(() => t.Store.AddVoteAsync(Vote(video, image, VoteOutcome.Right, 2)));
        swapped.Message.ShouldContain($"left job {video.Id}: video, right job {image.Id}: image");
        // Two videos, but the record says images: the stage it would be ranked under must be the jobs' own.
        var mislabelled = await Should.ThrowAsync<ArgumentException>(() => t.Store.AddVoteAsync(Vote(video, other, VoteOutcome.Tie, 3) with { Stage = StageKind.Image }));
        mislabelled.Message.ShouldContain("made videos");
        (await t.Store.GetVotesAsync()).ShouldBeEmpty();
    }
}
