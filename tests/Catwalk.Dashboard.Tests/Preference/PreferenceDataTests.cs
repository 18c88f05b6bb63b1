using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Preference;

/// <summary>Choosing pairs to vote on, and the leaderboard's filters, over a real store.</summary>
public sealed class PreferenceDataTests : IAsyncLifetime
{
    private VoteDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await VoteDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task The_next_pair_is_two_models_on_the_same_input_and_the_least_compared_pair()
    {
        var data = _dashboard.Preference;
        // a–b and b–c have votes; a–c has none, so it comes next whatever the dice say.
        await _dashboard.VoteAsync(_dashboard.Job("model-a"), _dashboard.Job("model-b"), VoteOutcome.Left);
        await _dashboard.VoteAsync(_dashboard.Job("model-b"), _dashboard.Job("model-c"), VoteOutcome.Tie);
        for (var seed = 0; seed < 20; seed++)
        {
            var pair = (await data.NextPairAsync(null, new Random(seed))).ShouldNotBeNull();
            pair.Left.InputKey.ShouldBe(pair.Right.InputKey);
            pair.Left.RunId.ShouldBe(pair.Right.RunId);
            new[] { pair.Left.ModelKey, pair.Right.ModelKey }.Order().ShouldBe(["model-a", "model-c"]);
            pair.Comparisons.ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_pair_is_never_shown_the_same_way_twice_in_a_row()
    {
        var data = _dashboard.Preference;
        var random = new Random(3);
        VotePair? previous = null;
        for (var i = 0; i < 60; i++)
        {
            var pair = (await data.NextPairAsync(previous, random)).ShouldNotBeNull();
            pair.Sides.ShouldNotBe(previous?.Sides);
            pair.Key.ShouldNotBe(previous?.Key);
            previous = pair;
        }
    }

    [Fact]
    public async Task The_following_pair_counts_the_vote_about_to_be_cast_and_is_confirmed_only_while_still_least_compared()
    {
        var data = _dashboard.Preference;
        // a–b has one vote, b–c and a–c none: with a–c on show (and about to get its vote), b–c must come next.
        await _dashboard.VoteAsync(_dashboard.Job("model-a"), _dashboard.Job("model-b"), VoteOutcome.Left);
        var current = new VotePair(_dashboard.Job("model-a"), _dashboard.Job("model-c"), 0);
        for (var seed = 0; seed < 20; seed++)
        {
            var next = (await data.FollowingPairAsync(current, new Random(seed))).ShouldNotBeNull();
            new[] { next.Left.ModelKey, next.Right.ModelKey }.Order().ShouldBe(["model-b", "model-c"]);
        }
        var planned = (await data.FollowingPairAsync(current, new Random(1))).ShouldNotBeNull();
        await _dashboard.VoteAsync(current.Left, current.Right, VoteOutcome.Tie);
        (await data.ConfirmAsync(planned)).ShouldNotBeNull().Comparisons.ShouldBe(0);
        // Another voter votes b–c twice meanwhile: 2 against 1 each for the others, it is no longer the least compared.
        await _dashboard.VoteAsync(planned.Left, planned.Right, VoteOutcome.Left);
        await _dashboard.VoteAsync(planned.Left, planned.Right, VoteOutcome.Left);
        (await data.ConfirmAsync(planned)).ShouldBeNull();
    }

    [Fact]
    public async Task Progress_counts_the_store_votes_and_the_model_pairs_below_the_target()
    {
        var data = _dashboard.Preference;
        (await data.ProgressAsync()).ShouldBe(new VoteProgress(0, 3, 3, 3 * VoteProgress.Target));
        for (var i = 0; i < VoteProgress.Target + 2; i++) // a–b past the target: its extra votes do not count against the others
            await _dashboard.VoteAsync(_dashboard.Job("model-a"), _dashboard.Job("model-b"), VoteOutcome.Left);
        await _dashboard.VoteAsync(_dashboard.Job("model-b", "beach@2s"), _dashboard.Job("model-c", "beach@2s"), VoteOutcome.BothBad);
        (await data.ProgressAsync()).ShouldBe(new VoteProgress(VoteProgress.Target + 3, 3, 2, 2 * VoteProgress.Target - 1));
    }

    [Fact]
    public async Task Without_two_models_on_one_input_there_is_no_pair()
    {
        await using var seeded = await SeededDashboard.StartAsync(empty: true);
        await using var store = await RunStoreFactory.OpenAsync(null, seeded.OutputRoot);
        (await new PreferenceData(store, store, store, TimeProvider.System).NextPairAsync(null, new Random(1))).ShouldBeNull();
    }

    [Fact]
    public async Task The_leaderboard_ranks_the_scripted_votes_and_filters_by_setting_and_apparel()
    {
        await _dashboard.ScriptedVotesAsync();
        var all = await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter());
        all.Ranking.Ratings.Select(r => r.Model).ShouldBe(["model-a", "model-b", "model-c"]);
        all.Ranking.Votes.ShouldBe(30);
        all.Settings.ShouldBe(["beach", "urban"]);
        all.Apparels.ShouldBe(["street wear", "swimwear"]);

        var urban = await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Setting: "urban"));
        urban.Ranking.Votes.ShouldBe(16); // 8 of the 15 rounds were on the urban look, two votes each
        (await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Apparel: "swimwear"))).Ranking.Votes.ShouldBe(14);
        (await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Setting: "urban", Apparel: "swimwear"))).Ranking.Votes.ShouldBe(0);
    }
}
