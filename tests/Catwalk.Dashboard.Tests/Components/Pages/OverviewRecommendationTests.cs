using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Recommendation;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Components.Pages;

/// <summary>The overview's recommendation, small multiples, posters and empty states, from the prerendered page.</summary>
public sealed class OverviewRecommendationTests
{
    [Fact]
    public async Task With_votes_and_metrics_the_overview_ranks_the_models_charts_them_and_shows_each_ones_best_video()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await dashboard.ScriptedVotesAsync();
        var html = await dashboard.Http.GetStringAsync("");

        // The same answer `catwalk recommend` gives for these jobs and votes (at the overview's resample count).
        var votes = await dashboard.Store.GetVotesAsync(null);
        var expected = Recommender.Recommend(new RecommendationScope(StageKind.Video), ModelEvidenceBuilder.Of(dashboard.Jobs, StageKind.Video),
            [.. votes.Select(Comparison.Of)], new RecommendationOptions { Resamples = OverviewView.Resamples });
        Regex.Matches(html, "data-ranked=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ShouldBe(expected.Ranked.Select(m => m.Model));
        foreach (var verdict in expected.Verdicts) WebUtility.HtmlDecode(html).ShouldContain(verdict);
        var best = expected.Ranked[0];
        WebUtility.HtmlDecode(html).ShouldContain(string.Create(CultureInfo.InvariantCulture, $"{best.Score:0.00} <span class=\"muted\">({best.ScoreInterval.Lower:0.00}–{best.ScoreInterval.Upper:0.00})</span>"));
        html.ShouldNotContain("data-testid=\"no-votes\"");
        html.ShouldNotContain("data-testid=\"no-metrics\"");
        html.ShouldNotContain("data-testid=\"recommendation-image\""); // no image jobs, no image answer

        foreach (var chart in new[] { "chart-cost", "chart-latency", "chart-quality", "chart-preference", "chart-pareto" })
        {
            var figure = Regex.Match(html, $"data-chart=\"{chart}\".*?</details>", RegexOptions.Singleline).Value;
            figure.ShouldContain($"<svg id=\"{chart}\"", Case.Sensitive, $"{chart} is drawn");
            figure.ShouldContain("role=\"img\"");
            Regex.Matches(figure, "<tr>").Count.ShouldBe(1 + VoteDashboard.Models.Length, $"{chart}'s table: a header and one row per model");
        }

        // Best video: most wins over losses, the newest of equals. model-a won on both looks, most on urban (8 of 15);
        // model-c lost everything, least on beach (7); model-b broke even on both, so its newest (beach).
        var posters = Regex.Matches(html, "data-poster=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        posters.ShouldBe(expected.Ranked.Select(m => m.Model));
        Poster(html, "model-a").ShouldBe(dashboard.Job("model-a", "urban@2s").Id);
        Poster(html, "model-b").ShouldBe(dashboard.Job("model-b", "beach@2s").Id);
        Poster(html, "model-c").ShouldBe(dashboard.Job("model-c", "beach@2s").Id);
        using var poster = await dashboard.Http.GetAsync($"media/{Poster(html, "model-a")}/poster");
        poster.StatusCode.ShouldBe(HttpStatusCode.OK);
        poster.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task Without_votes_or_metrics_the_overview_says_how_to_get_them_and_a_filter_matching_nothing_says_what_to_change()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = WebUtility.HtmlDecode(await dashboard.Http.GetStringAsync(""));
        Near(html, "data-testid=\"no-votes\"").ShouldContain("href=\"vote\"");
        Near(html, "data-testid=\"no-metrics\"").ShouldContain("catwalk metrics --all");
        html.ShouldContain("data-testid=\"recommendation-video\"");
        html.ShouldContain("data-testid=\"recommendation-image\""); // the seeded run has an image model
        Regex.IsMatch(html, "data-excluded=\"luma\"[^>]*>Excluded <b>luma</b>: no successful video").ShouldBeTrue("luma only failed: excluded, with the reason");

        var none = await dashboard.Http.GetStringAsync("?from=2030-01-01");
        none.ShouldContain("data-testid=\"no-match\"");
        none.ShouldNotContain("data-testid=\"recommendation\"");
    }

    /// <summary>The markup from <paramref name="marker"/> on, as far as an alert's text reaches.</summary>
    private static string Near(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"{marker} is on the page");
        return html.Substring(at, Math.Min(700, html.Length - at));
    }

    private static string Poster(string html, string model) =>
        Regex.Match(html, $"href=\"generations/([^\"]+)\" data-poster=\"{model}\"").Groups[1].Value;
}
