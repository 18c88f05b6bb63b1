using Catwalk.Dashboard.Data;
using Catwalk.Domain;
using Catwalk.Runs.Recommendation;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Data;

/// <summary>The overview's answer from loaded jobs and votes: each stage's votes rate that stage's models only.</summary>
public class OverviewViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Votes_on_images_rate_the_image_models_and_votes_on_videos_the_video_models()
    {
        JobRecord Job(string id, StageKind stage, string model) => new()
        {
            Id = id, RunId = "run", Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = "look@5s", State = JobState.Downloaded,
            CostUsd = 0.1m, EstimatedCostUsd = 0.1m, LatencySec = 10, DurationSec = stage == StageKind.Video ? 5 : null, CreatedAt = 1, UpdatedAt = 1,
            FilePath = stage == StageKind.Video ? $"{id}.mp4" : $"{id}.png",
        };
        var jobs = new[]
        {
            Job("i1", StageKind.Image, "nano"), Job("i2", StageKind.Image, "seedream"),
            Job("v1", StageKind.Video, "kling"), Job("v2", StageKind.Video, "ltx"),
        };
        VoteRecord Vote(int n, string left, string right, string leftModel, string rightModel, StageKind stage) => new()
        {
            Id = $"vote{n}", CreatedAt = n, RunId = "run", InputKey = "look@5s", LeftJobId = left, RightJobId = right,
            LeftModel = leftModel, RightModel = rightModel, Outcome = VoteOutcome.Left, Stage = stage,
        };
        var votes = Enumerable.Range(0, 6).Select(n => Vote(n, "i2", "i1", "seedream", "nano", StageKind.Image))
            .Concat(Enumerable.Range(6, 3).Select(n => Vote(n, "v1", "v2", "kling", "ltx", StageKind.Video))).ToList();

        var view = OverviewView.Build(jobs, ReportBuilder.Build(jobs, ["run"], Now), votes, Now);

        var image = view.Recommendation.Image.ShouldNotBeNull();
        image.Votes.ShouldBe(6);
        var seedream = image.Ranked.Single(m => m.Model == "seedream").Criteria.Single(c => c.Criterion == Criterion.Preference);
        var nano = image.Ranked.Single(m => m.Model == "nano").Criteria.Single(c => c.Criterion == Criterion.Preference);
        seedream.Value.ShouldNotBeNull().ShouldBeGreaterThan(nano.Value.ShouldNotBeNull());
        view.Recommendation.Video.ShouldNotBeNull().Votes.ShouldBe(3);
        view.Votes.ShouldBe(3);
    }
}
