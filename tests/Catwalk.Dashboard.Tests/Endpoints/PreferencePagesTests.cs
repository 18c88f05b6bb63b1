using System.Net;
using Catwalk.Dashboard.Endpoints;
using Catwalk.Dashboard.Tests.Support;
using CsvHelper;

namespace Catwalk.Dashboard.Tests.Endpoints;

/// <summary>The preference and quality pages as served (prerendered HTML) and the votes export.</summary>
public sealed class PreferencePagesTests : IAsyncLifetime
{
    private VoteDashboard _dashboard = null!;

    public async Task InitializeAsync() => _dashboard = await VoteDashboard.StartAsync();
    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task Votes_export_as_csv_one_row_per_vote()
    {
        (await _dashboard.Http.GetStringAsync("export/votes.csv")).Trim().ShouldBe(string.Join(",", VoteCsv.Header));
        await _dashboard.ScriptedVotesAsync();
        using var response = await _dashboard.Http.GetAsync("export/votes.csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        using var reader = CsvReader.FromText(await response.Content.ReadAsStringAsync(), new CsvReaderOptions());
        reader.Headers.ShouldBe(VoteCsv.Header);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(VoteCsv.Header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value));
        rows.Count.ShouldBe(30);
        rows.Count(r => r["winner"] == "model-a").ShouldBe(15);
        rows.Count(r => r["winner"] == "model-b").ShouldBe(15);
        rows.ShouldAllBe(r => r["run_id"] == VoteDashboard.RunId && r["left_model"] != r["right_model"]);
        rows.First()["created_at"].ShouldEndWith("Z");
    }

    [Fact]
    public async Task The_leaderboard_lists_models_best_first_with_intervals_and_filters()
    {
        (await _dashboard.Http.GetStringAsync("leaderboard")).ShouldContain("data-testid=\"no-votes\"");
        await _dashboard.ScriptedVotesAsync();
        var html = await _dashboard.Http.GetStringAsync("leaderboard");
        LeaderboardHtml.Ranked(html).ShouldBe(["model-a", "model-b", "model-c"]);
        LeaderboardHtml.Intervals(html).ShouldBe(3);
        html.ShouldContain("data-testid=\"win-rates\"");
        html.ShouldContain("<option value=\"urban\"");
        html.ShouldContain("<option value=\"swimwear\"");
        LeaderboardHtml.Ranked(await _dashboard.Http.GetStringAsync("leaderboard?setting=urban")).ShouldBe(["model-a", "model-b", "model-c"]);
        (await _dashboard.Http.GetStringAsync("leaderboard?setting=urban&apparel=swimwear")).ShouldContain("data-testid=\"no-votes\"");
        // Pareto with a measured metric needs no votes; a is the best SSIM and priciest, c the cheapest and fastest.
        (await _dashboard.Http.GetStringAsync("leaderboard?quality=first_frame_ssim")).ShouldContain("data-testid=\"pareto-front\">model-a, model-b, model-c<");
    }

    [Fact]
    public async Task Charts_show_the_per_model_quality_table_and_the_detail_shows_a_videos_metrics_and_flags()
    {
        var charts = await _dashboard.Http.GetStringAsync("charts?metric=temporal_flicker_score");
        charts.ShouldContain("data-testid=\"quality-table\"");
        foreach (var model in VoteDashboard.Models) charts.ShouldContain($"<tr data-model=\"{model}\"");
        charts.ShouldContain("<option value=\"temporal_flicker_score\" selected");

        var detail = await _dashboard.Http.GetStringAsync($"generations/{_dashboard.Job("model-c").Id}");
        detail.ShouldContain("data-testid=\"metrics\"");
        detail.ShouldContain("first_frame_ssim");
        detail.ShouldContain("near-still");
        (await _dashboard.Http.GetStringAsync($"generations/{_dashboard.Job("model-a").Id}")).ShouldContain("No flags.");
    }

    [Fact]
    public async Task The_vote_page_is_served()
    {
        using var response = await _dashboard.Http.GetAsync("vote");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Blind vote");
    }
}
