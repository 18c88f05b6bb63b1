using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Preference;

/// <summary>Votes on dressed images over a real store: which pairs are shown, and the image models' ranking apart from the video models'.</summary>
public sealed class ImageVoteTests : IAsyncLifetime
{
    private ImageVoteDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await ImageVoteDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task Image_pairs_are_one_look_and_angle_by_two_image_models_and_only_a_chains_final_image()
    {
        var random = new Random(5);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        VotePair? previous = null;
        for (var i = 0; i < 200; i++)
        {
            var pair = (await _dashboard.Preference.NextPairAsync(StageKind.Image, previous, random)).ShouldNotBeNull();
            pair.Stage.ShouldBe(StageKind.Image);
            pair.Left.Stage.ShouldBe(StageKind.Image);
            pair.Right.Stage.ShouldBe(StageKind.Image);
            pair.Left.RunId.ShouldBe(pair.Right.RunId);
            pair.Left.InputKey.ShouldBe(pair.Right.InputKey); // same look and angle
            pair.Left.ModelKey.ShouldNotBe(pair.Right.ModelKey);
            foreach (var job in new[] { pair.Left, pair.Right })
            {
                job.InputKey.ShouldNotContain("~"); // never the try-on chain's half-dressed step
                job.State.ShouldBe(JobState.Downloaded);
            }
            seen.Add($"{pair.Left.InputKey}:{string.Join("|", new[] { pair.Left.ModelKey, pair.Right.ModelKey }.Order(StringComparer.Ordinal))}");
            previous = pair;
        }
        // Front: all four models (the try-on chains finished); three-quarter: the chains stopped after a step, so the two edit models; beach: one model, no pair.
        seen.Order(StringComparer.Ordinal).ShouldBe([
            "urban/front:fashn-tryon|kolors-tryon", "urban/front:fashn-tryon|nano-banana-edit", "urban/front:fashn-tryon|seedream-edit",
            "urban/front:kolors-tryon|nano-banana-edit", "urban/front:kolors-tryon|seedream-edit", "urban/front:nano-banana-edit|seedream-edit",
            "urban/three-quarter:nano-banana-edit|seedream-edit"]);
    }

    [Fact]
    public async Task The_picker_counts_image_votes_only_and_favours_the_least_compared_image_model_pair()
    {
        var data = _dashboard.Preference;
        // Every image model pair but fashn–nano has a vote; votes on videos, many, do not count here.
        var models = ImageVoteDashboard.ImageModels;
        for (var i = 0; i < models.Length; i++)
            for (var j = i + 1; j < models.Length; j++)
                if (!(models[i] == ImageVoteDashboard.Nano && models[j] == ImageVoteDashboard.TryOn))
                    await _dashboard.VoteAsync(_dashboard.Image(models[i]), _dashboard.Image(models[j]), VoteOutcome.Left);
        for (var i = 0; i < 5; i++) await _dashboard.VoteAsync(_dashboard.Video("model-a"), _dashboard.Video("model-b"), VoteOutcome.Right);
        for (var seed = 0; seed < 20; seed++)
        {
            var pair = (await data.NextPairAsync(StageKind.Image, null, new Random(seed))).ShouldNotBeNull();
            new[] { pair.Left.ModelKey, pair.Right.ModelKey }.Order(StringComparer.Ordinal).ShouldBe([ImageVoteDashboard.TryOn, ImageVoteDashboard.Nano]);
            pair.Comparisons.ShouldBe(0);
        }
        (await data.ProgressAsync(StageKind.Image)).ShouldBe(new VoteProgress(5, 6, 6, 6 * VoteProgress.Target - 5));
        (await data.ProgressAsync(StageKind.Video)).ShouldBe(new VoteProgress(5, 1, 0, 0));
        // The video page's pair is still two videos, and two videos of one image (the nano image has one video model only).
        for (var seed = 0; seed < 10; seed++)
        {
            var video = (await data.NextPairAsync(null, new Random(seed))).ShouldNotBeNull();
            video.Stage.ShouldBe(StageKind.Video);
            video.Left.InputJobId.ShouldBe(_dashboard.Image(ImageVoteDashboard.Seedream).Id);
            video.Right.InputJobId.ShouldBe(video.Left.InputJobId);
        }
        var following = (await data.FollowingPairAsync(new VotePair(_dashboard.Image(ImageVoteDashboard.Nano), _dashboard.Image(ImageVoteDashboard.TryOn), 0), new Random(2))).ShouldNotBeNull();
        following.Stage.ShouldBe(StageKind.Image);
    }

    [Fact]
    public async Task With_one_image_model_there_is_no_image_pair()
    {
        await using var single = await ImageVoteDashboard.StartAsync([ImageVoteDashboard.Seedream]);
        (await single.Preference.NextPairAsync(StageKind.Image, null, new Random(1))).ShouldBeNull();
        (await single.Preference.ProgressAsync(StageKind.Image)).ShouldBe(new VoteProgress(0, 0, 0, 0));
        (await single.Preference.NextPairAsync(null, new Random(1))).ShouldNotBeNull(); // its two video models still pair
    }

    [Fact]
    public async Task Image_models_are_ranked_by_image_votes_alone_with_the_same_bradley_terry_fit_as_video_models()
    {
        var (seedream, nano, tryOn) = (_dashboard.Image(ImageVoteDashboard.Seedream), _dashboard.Image(ImageVoteDashboard.Nano), _dashboard.Image(ImageVoteDashboard.TryOn));
        // Fixed votes: seedream beats nano 6 of 8 (one tie), nano beats the try-on model 7 of 8, the try-on model has one both-bad.
        var script = new List<(JobRecord L, JobRecord R, string Outcome)>();
        for (var i = 0; i < 6; i++) script.Add(i % 2 == 0 ? (seedream, nano, VoteOutcome.Left) : (nano, seedream, VoteOutcome.Right));
        script.Add((seedream, nano, VoteOutcome.Right));
        script.Add((nano, seedream, VoteOutcome.Tie));
        for (var i = 0; i < 7; i++) script.Add((tryOn, nano, VoteOutcome.Right));
        script.Add((tryOn, nano, VoteOutcome.Left));
        script.Add((tryOn, seedream, VoteOutcome.BothBad));
        foreach (var (l, r, outcome) in script) await _dashboard.VoteAsync(l, r, outcome);

        var before = await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Stage: StageKind.Image));
        before.Ranking.Ratings.Select(r => r.Model).ShouldBe([ImageVoteDashboard.Seedream, ImageVoteDashboard.Nano, ImageVoteDashboard.TryOn]);
        before.Ranking.Votes.ShouldBe(script.Count);
        // The same fit as the video ranking's: BradleyTerry over these comparisons, to the last digit — in the fixed order the
        // leaderboard feeds them (left model, right model, outcome), which the seeded bootstrap's intervals follow.
        var stored = await _dashboard.Store.GetVotesAsync(new VoteQuery { Stage = StageKind.Image });
        stored.Select(v => (v.LeftJobId, v.RightJobId, v.Outcome)).Order().ShouldBe(script.Select(s => (s.L.Id, s.R.Id, s.Outcome)).Order());
        var fedInOrder = stored.Select(Comparison.Of).OrderBy(c => c.Left, StringComparer.Ordinal).ThenBy(c => c.Right, StringComparer.Ordinal).ThenBy(c => c.Outcome, StringComparer.Ordinal);
        before.Ranking.Ratings.ShouldBe(BradleyTerry.Rank([.. fedInOrder]).Ratings);
        var inScriptOrder = BradleyTerry.Rank([.. script.Select(s => new Comparison(s.L.ModelKey, s.R.ModelKey, s.Outcome))]);
        before.Ranking.Ratings.Select(r => r.Rating).ShouldBe(inScriptOrder.Ratings.Select(r => r.Rating)); // the fit itself does not depend on order
        before.Ranking.Ratings.Single(r => r.Model == ImageVoteDashboard.TryOn).BothBad.ShouldBe(1);
        before.Settings.ShouldBe(["urban"]);
        (await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter())).Ranking.Votes.ShouldBe(0); // no video votes yet

        // Video votes (model-b over model-a) rank the video models and leave the image ratings exactly as they were.
        for (var i = 0; i < 4; i++) await _dashboard.VoteAsync(_dashboard.Video("model-a"), _dashboard.Video("model-b"), VoteOutcome.Right);
        var videos = await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter());
        videos.Ranking.Ratings.Select(r => r.Model).ShouldBe(["model-b", "model-a"]);
        videos.Ranking.Votes.ShouldBe(4);
        (await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Stage: StageKind.Image))).Ranking.Ratings.ShouldBe(before.Ranking.Ratings);
    }

    [Fact]
    public async Task A_mixed_pair_is_refused_when_saved()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            _dashboard.Preference.SaveVoteAsync(new VotePair(_dashboard.Image(ImageVoteDashboard.Seedream), _dashboard.Video("model-a"), 0), VoteOutcome.Left));
        error.Message.ShouldContain("two videos or two images");
        (await _dashboard.Store.GetVotesAsync()).ShouldBeEmpty();
    }
}
