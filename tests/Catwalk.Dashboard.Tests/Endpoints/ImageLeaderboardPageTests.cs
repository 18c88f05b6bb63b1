using System.Text.RegularExpressions;
using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Endpoints;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Reports;
using Catwalk.Store;
using CsvHelper;

namespace Catwalk.Dashboard.Tests.Endpoints;

/// <summary>The leaderboard and the Pareto view for image models, as served, and the votes export's stage column.</summary>
public sealed partial class ImageLeaderboardPageTests : IAsyncLifetime
{
    private ImageVoteDashboard _dashboard = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await ImageVoteDashboard.StartAsync();
        _http = new HttpClient { BaseAddress = _dashboard.Server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _dashboard.DisposeAsync();
    }

    /// <summary>seedream beats nano, nano beats fashn (on images); model-b beats model-a (on videos).</summary>
    private async Task VoteAsync()
    {
        var (seedream, nano, tryOn) = (_dashboard.Image(ImageVoteDashboard.Seedream), _dashboard.Image(ImageVoteDashboard.Nano), _dashboard.Image(ImageVoteDashboard.TryOn));
        for (var i = 0; i < 4; i++)
        {
            await _dashboard.VoteAsync(seedream, nano, VoteOutcome.Left);
            await _dashboard.VoteAsync(tryOn, nano, VoteOutcome.Right);
            await _dashboard.VoteAsync(_dashboard.Video("model-a"), _dashboard.Video("model-b"), VoteOutcome.Right);
        }
    }

    [Fact]
    public async Task The_image_leaderboard_ranks_image_models_by_image_votes_and_the_video_one_video_models_by_video_votes()
    {
        var empty = await _http.GetStringAsync("leaderboard?stage=image");
        empty.ShouldContain("data-testid=\"no-votes\"");
        empty.ShouldContain("No votes on images yet");
        await VoteAsync();

        var images = await _http.GetStringAsync("leaderboard?stage=image");
        LeaderboardHtml.Ranked(images).ShouldBe([ImageVoteDashboard.Seedream, ImageVoteDashboard.Nano, ImageVoteDashboard.TryOn]);
        LeaderboardHtml.Intervals(images).ShouldBe(3);
        images.ShouldContain("data-testid=\"win-rates\"");
        images.ShouldContain("<input type=\"hidden\" name=\"stage\" value=\"image\"");
        images.ShouldContain("href=\"vote/images\"");
        images.ShouldNotContain("<option value=\"first_frame_ssim\""); // images have no pixel metrics
        images.ShouldContain("<option value=\"identity_mean\"");
        // Pareto of image models on the rating: cost per dressed image, latency per dressed image.
        var front = FrontRegex().Match(images).Groups[1].Value.Split(", ");
        front.ShouldNotBeEmpty();
        front.ShouldAllBe(m => ImageVoteDashboard.ImageModels.Contains(m));
        front.ShouldContain(ImageVoteDashboard.Seedream); // the best rated, and as cheap as any
        images.ShouldContain("$ per image");

        var videos = await _http.GetStringAsync("leaderboard");
        LeaderboardHtml.Ranked(videos).ShouldBe(["model-b", "model-a"]);
        foreach (var model in ImageVoteDashboard.ImageModels) LeaderboardHtml.Ranked(videos).ShouldNotContain(model);
        videos.ShouldContain("$ per video second");
        // A bad stage word is the video board, as no word is.
        LeaderboardHtml.Ranked(await _http.GetStringAsync("leaderboard?stage=audio")).ShouldBe(["model-b", "model-a"]);
    }

    [Fact]
    public async Task Image_pareto_points_count_a_try_on_chain_whole()
    {
        await VoteAsync();
        var jobs = _dashboard.Jobs;
        var report = ReportBuilder.Build(jobs, [ImageVoteDashboard.RunId], DateTimeOffset.UtcNow);
        var ranking = (await _dashboard.Preference.LeaderboardAsync(new PreferenceFilter(Stage: StageKind.Image))).Ranking;
        var points = ImageParetoPoints.Of(jobs, report, ranking, "rating").ToDictionary(p => p.Model);
        points.Keys.Order(StringComparer.Ordinal).ShouldBe([ImageVoteDashboard.TryOn, ImageVoteDashboard.Nano, ImageVoteDashboard.Seedream]); // kolors has no votes
        points[ImageVoteDashboard.Seedream].Quality.ShouldBe(ranking.Ratings.Single(r => r.Model == ImageVoteDashboard.Seedream).Rating);
        // Seedream: three images (two angles of urban, beach) at $0.04 each; latency the mean of their own.
        points[ImageVoteDashboard.Seedream].CostUsd.ShouldBe(0.04, 1e-9);
        var seedreamImages = jobs.Where(j => j.Stage == StageKind.Image && j.ModelKey == ImageVoteDashboard.Seedream).ToList();
        points[ImageVoteDashboard.Seedream].LatencySec.ShouldBe(seedreamImages.Average(j => j.LatencySec!.Value), 1e-9);
        // The try-on model: one dressed image, for which it paid three calls (two steps of it, and the three-quarter's first step whose second failed);
        // its latency is its two steps' summed.
        var dressed = _dashboard.Image(ImageVoteDashboard.TryOn);
        var step = jobs.Single(j => j.Id == dressed.InputJobId);
        points[ImageVoteDashboard.TryOn].CostUsd.ShouldBe(0.12, 1e-9);
        points[ImageVoteDashboard.TryOn].LatencySec.ShouldBe(dressed.LatencySec!.Value + step.LatencySec!.Value, 1e-9);
    }

    [Fact]
    public async Task The_votes_export_says_which_stage_each_vote_compared()
    {
        await VoteAsync();
        using var reader = CsvReader.FromText(await _http.GetStringAsync("export/votes.csv"), new CsvReaderOptions());
        reader.Headers.ShouldContain("stage");
        var stage = Array.IndexOf([.. VoteCsv.Header], "stage");
        var left = Array.IndexOf([.. VoteCsv.Header], "left_model");
        var rows = new List<(string Stage, string Left)>();
        while (reader.Read()) rows.Add((reader.GetString(stage), reader.GetString(left)));
        rows.Count.ShouldBe(12);
        rows.Where(r => r.Stage == "image").Select(r => r.Left).ShouldAllBe(m => ImageVoteDashboard.ImageModels.Contains(m));
        rows.Count(r => r.Stage == "image").ShouldBe(8);
        rows.Where(r => r.Stage == "video").Select(r => r.Left).ShouldAllBe(m => m == "model-a");
    }

    [GeneratedRegex("data-testid=\"pareto-front\">([^<]+)<")]
    private static partial Regex FrontRegex();
}
