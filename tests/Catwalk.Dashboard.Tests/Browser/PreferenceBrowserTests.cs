using System.Text.RegularExpressions;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>Blind voting, the leaderboard and the Pareto and quality charts in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PreferenceBrowserTests(BrowserFixture browser)
{
    private const string Settled = "[data-testid=vote-grid][data-revealed=false][data-synced=true]";

    [Fact]
    public async Task The_vote_page_hides_the_models_until_a_vote_and_keyboard_shortcuts_cast_votes()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await using var page = await browser.OpenAsync("vote?reveal=1200&voter=tester", dashboard.Server.BaseUri);
        await page.WaitForAsync(Settled);
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.voteKeys === 'true'");

        var keys = new[] { ("ArrowLeft", VoteOutcome.Left), ("t", VoteOutcome.Tie), ("b", VoteOutcome.BothBad), ("ArrowRight", VoteOutcome.Right), ("ArrowDown", VoteOutcome.Tie) };
        var shown = new List<(string Left, string Right)>();
        for (var i = 0; i < keys.Length; i++)
        {
            // the count changes with the reveal; the pair is settled once the next one is shown
            await page.Page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=vote-count]')?.innerText === '{i}'");
            await page.WaitForAsync(Settled);
            var text = await page.Page.InnerTextAsync(".mud-main-content");
            foreach (var model in VoteDashboard.Models) text.Contains(model, StringComparison.Ordinal).ShouldBeFalse(text);
            (await page.Page.Locator("[data-model]").CountAsync()).ShouldBe(0);
            var (left, right) = await ShownAsync(page, dashboard);
            if (i > 0) (left, right).ShouldNotBe(shown[^1]); // never the same way twice in a row
            shown.Add((left, right));

            await page.Page.Keyboard.PressAsync(keys[i].Item1);
            if (i == 0)
            {
                // Revealed after the vote: the names, which side was preferred.
                await page.WaitForAsync("[data-testid=vote-grid][data-revealed=true]");
                (await page.Page.InnerTextAsync("[data-testid=left-model]")).ShouldBe(left);
                (await page.Page.InnerTextAsync("[data-testid=right-model]")).ShouldBe(right);
                (await page.Page.InnerTextAsync("[data-testid=left-label]")).ShouldContain("preferred");
            }
        }
        await page.Page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=vote-count]')?.innerText === '{keys.Length}'");

        var votes = await dashboard.Store.GetVotesAsync();
        votes.Select(v => v.Outcome).ShouldBe(keys.Select(k => k.Item2));
        votes.Select(v => (v.LeftModel, v.RightModel)).ShouldBe(shown);
        votes.ShouldAllBe(v => v.Voter == "tester" && dashboard.Job(v.LeftModel, v.InputKey).Id == v.LeftJobId);
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Thirty_keyboard_votes_where_a_beats_b_beats_c_give_that_leaderboard_with_intervals_and_a_pareto_point_per_model()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await using (var page = await browser.OpenAsync("vote?reveal=0", dashboard.Server.BaseUri))
        {
            for (var i = 0; i < 30; i++)
            {
                // the count changes with the reveal; the pair is settled once the next one is shown
                await page.Page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=vote-count]')?.innerText === '{i}'");
                await page.WaitForAsync(Settled);
                var (left, right) = await ShownAsync(page, dashboard);
                // model-a beats everyone, model-b beats model-c: the better model is the lower one by name.
                await page.Page.Keyboard.PressAsync(string.CompareOrdinal(left, right) < 0 ? "ArrowLeft" : "ArrowRight");
            }
            await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=vote-count]')?.innerText === '30'");
            page.ShouldHaveNoErrors();
        }
        var votes = await dashboard.Store.GetVotesAsync();
        votes.Count.ShouldBe(30);
        // The picker spreads votes over the three pairs (fewest comparisons first).
        votes.GroupBy(v => string.Join("|", new[] { v.LeftModel, v.RightModel }.Order())).Select(g => g.Count()).ShouldAllBe(n => n == 10);

        await using var board = await browser.OpenAsync("leaderboard", dashboard.Server.BaseUri);
        var rows = board.Page.Locator("[data-testid=leaderboard] tbody tr");
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.model)")).ShouldBe(["model-a", "model-b", "model-c"]);
        var intervals = await board.Page.Locator("[data-testid=leaderboard] td.interval").AllInnerTextsAsync();
        intervals.Count.ShouldBe(3);
        var ratings = (await board.Page.Locator("[data-testid=leaderboard] td.rating").AllInnerTextsAsync()).Select(double.Parse).ToList();
        for (var i = 0; i < 3; i++)
        {
            var match = Regex.Match(intervals[i], @"^(\d+) – (\d+)$");
            match.Success.ShouldBeTrue(intervals[i]);
            ratings[i].ShouldBeInRange(double.Parse(match.Groups[1].Value), double.Parse(match.Groups[2].Value));
        }
        (await board.Page.InnerTextAsync("[data-testid=vote-total]")).ShouldBe("30");
        (await PointsAsync(board, "chart-pareto")).ShouldBe(3);
        (await PointsAsync(board, "chart-ratings")).ShouldBe(3);
        board.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_pareto_chart_has_one_point_per_model_and_the_quality_chart_one_bar_per_model()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await using var board = await browser.OpenAsync("leaderboard?quality=temporal_flicker_score", dashboard.Server.BaseUri);
        (await PointsAsync(board, "chart-pareto")).ShouldBe(3);
        (await board.Page.InnerTextAsync("[data-testid=pareto-front]")).ShouldBe("model-a, model-b, model-c");
        board.ShouldHaveNoErrors();

        await using var charts = await browser.OpenAsync("charts?metric=first_frame_ssim", dashboard.Server.BaseUri);
        (await PointsAsync(charts, "chart-quality")).ShouldBe(3);
        (await charts.Page.Locator("[data-testid=quality-table] tbody tr").CountAsync()).ShouldBe(3);
        charts.ShouldHaveNoErrors();
    }

    /// <summary>The models of the two videos on show, from their media URLs (the test knows which job is which model).</summary>
    private static async Task<(string Left, string Right)> ShownAsync(BrowserPage page, VoteDashboard dashboard)
    {
        async Task<string> Model(string side)
        {
            var src = await page.Page.GetAttributeAsync($"[data-testid=vote-grid] video[data-side={side}]", "src");
            return dashboard.ModelOf(Uri.UnescapeDataString(src!.Split('/')[^1]));
        }
        return (await Model("left"), await Model("right"));
    }

    private static async Task<int> PointsAsync(BrowserPage page, string id)
    {
        await page.Page.WaitForFunctionAsync($"() => document.getElementById('{id}')?.data?.length > 0", null, new() { Timeout = 15_000 });
        return await page.Page.EvaluateAsync<int>($"() => document.getElementById('{id}').data.reduce((n, t) => n + (t.x?.length ?? 0), 0)");
    }
}
