using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Recommendation;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Recommendation;

/// <summary>Stored jobs and votes → answers per scope: overall, per setting and apparel when the looks differ, image models apart; billed cost over estimates.</summary>
public class RecommendationBuilderTests
{
    private static int _next;

    private static JobRecord Video(string model, string setting, double identity, decimal cost, double latency, decimal? billed = null, JobState state = JobState.Downloaded) => new()
    {
        Id = $"j{Interlocked.Increment(ref _next)}", RunId = "run-1", Stage = StageKind.Video, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = $"look-{setting}@5s",
        SettingId = setting, State = state, CostUsd = cost, EstimatedCostUsd = cost, BilledUsd = billed, LatencySec = latency, DurationSec = 5,
        MetadataJson = """{"look":{"apparel_type":"street wear"}}""",
        MetricsJson = state != JobState.Downloaded ? null : MetricsJson.Serialize(new VideoMetrics
        {
            DurationSec = 5, Width = 64, Height = 96, Fps = 24, Codec = "h264", HasAudio = false, TemporalFlickerScore = 0.98, FrameDifferenceMean = 1,
            FrameDifferenceVariance = 0.1, BrightnessFlicker = 0.1, BrightnessDrift = 0, FrozenSec = 0, FrozenFraction = 0, BlackSec = 0, Cuts = 0,
            Fashion = new FashionMetrics { FramesSampled = 8, IdentityMean = identity, FullBodyShare = 1, GarmentDeltaE = 5 },
        }),
    };

    private static JobRecord Image(string model, decimal cost, double identity) => new()
    {
        Id = $"j{Interlocked.Increment(ref _next)}", RunId = "run-1", Stage = StageKind.Image, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = "look",
        State = JobState.Downloaded, CostUsd = cost, EstimatedCostUsd = cost, LatencySec = 8,
        MetricsJson = MetricsJson.SerializeImage(new FashionMetrics { FramesSampled = 1, IdentityMean = identity, FullBodyShare = 1 }),
    };

    private static IEnumerable<JobRecord> Times(int n, Func<JobRecord> job) => Enumerable.Range(0, n).Select(_ => job());

    private static VoteRecord Vote(int i, JobRecord left, JobRecord right, string outcome) => new()
    {
        Id = $"v{i}", CreatedAt = i, RunId = left.RunId, InputKey = left.InputKey, LeftJobId = left.Id, RightJobId = right.Id,
        LeftModel = left.ModelKey, RightModel = right.ModelKey, Outcome = outcome, Stage = left.Stage,
    };

    [Fact]
    public void Image_models_are_preferred_by_the_votes_on_images_and_video_models_by_the_votes_on_videos()
    {
        var (nano, seedream) = (Image("nano-banana-edit", 0.04m, 0.7), Image("seedream", 0.04m, 0.6));
        var (kling, ltx) = (Video("kling", "urban", 0.7, 0.5m, 60), Video("ltx", "urban", 0.7, 0.5m, 60));
        // Images: seedream preferred 9 of 10 (though its identity is lower); videos: ltx preferred 6 of 6.
        List<VoteRecord> votes = [.. Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? Vote(i, seedream, nano, i == 0 ? VoteOutcome.Right : VoteOutcome.Left) : Vote(i, nano, seedream, VoteOutcome.Right))];
        votes.AddRange(Enumerable.Range(10, 6).Select(i => Vote(i, kling, ltx, VoteOutcome.Right)));
        var options = new RecommendationOptions { Weights = CriterionWeights.Parse("preference=1"), Resamples = 200 };
        var report = RecommendationBuilder.Build([nano, seedream, kling, ltx], votes, options, ["run-1"], DateTimeOffset.UnixEpoch);

        var image = report.Image!;
        image.Votes.ShouldBe(10);
        image.Ranked.Select(m => m.Model).ShouldBe(["seedream", "nano-banana-edit"]);
        image.Weights.Single(w => w.Criterion == Criterion.Preference).Used.ShouldBe(1);
        // The leaderboard's fit over the image votes alone, and a bootstrap interval around it.
        var fitted = Catwalk.Runs.Preference.BradleyTerry.Rank([.. votes.Take(10).Select(Catwalk.Runs.Preference.Comparison.Of)], resamples: 0);
        foreach (var model in image.Ranked)
        {
            var preference = model.Of(Criterion.Preference);
            preference.Value!.Value.ShouldBe(fitted.Ratings.Single(r => r.Model == model.Model).Rating, 1e-5);
            preference.Interval!.Lower.ShouldBeLessThan(preference.Interval.Upper);
            preference.Value.Value.ShouldBeInRange(preference.Interval.Lower, preference.Interval.Upper);
            model.Notes.ShouldBeEmpty();
        }
        report.Video!.Votes.ShouldBe(6);
        report.Video.Ranked.Select(m => m.Model).ShouldBe(["ltx", "kling"]);
        report.Video.Ranked.SelectMany(m => m.Criteria).Count(c => c.Criterion == Criterion.Preference && c.Value is not null).ShouldBe(2);

        // Without image votes the image stage says where they come from.
        var unvoted = RecommendationBuilder.Build([nano, seedream, kling, ltx], votes.Skip(10).ToList(), options, ["run-1"], DateTimeOffset.UnixEpoch).Image!;
        unvoted.Votes.ShouldBe(0);
        unvoted.Notes.ShouldContain(n => n.Contains("votes on images (the dashboard's /vote/images)"));
    }

    [Fact]
    public void Each_setting_gets_its_own_answer_and_image_models_theirs()
    {
        List<JobRecord> jobs =
        [
            .. Times(3, () => Video("kling", "urban", 0.85, 0.5m, 60)), .. Times(3, () => Video("ltx", "urban", 0.60, 0.5m, 60)),
            .. Times(3, () => Video("kling", "beach", 0.55, 0.5m, 60)), .. Times(3, () => Video("ltx", "beach", 0.80, 0.5m, 60)),
            .. Times(2, () => Image("nano-banana-edit", 0.04m, 0.7)), .. Times(2, () => Image("seedream", 0.03m, 0.6)),
        ];
        var report = RecommendationBuilder.Build(jobs, [], new RecommendationOptions { Weights = CriterionWeights.Parse("quality=1"), Resamples = 100 }, ["run-1"], DateTimeOffset.UnixEpoch);

        report.BySetting.Select(r => r.Scope.Value).ShouldBe(["beach", "urban"]);
        report.BySetting.Single(r => r.Scope.Value == "urban").Ranked[0].Model.ShouldBe("kling");
        report.BySetting.Single(r => r.Scope.Value == "beach").Ranked[0].Model.ShouldBe("ltx");
        report.BySetting[0].Label.ShouldBe("Video models, setting 'beach'");
        report.ByApparel.ShouldBeEmpty("every look is street wear: the overall answer says it");
        report.Video!.Ranked.Count.ShouldBe(2);

        var image = report.Image!;
        image.Scope.Stage.ShouldBe(StageKind.Image);
        image.Ranked[0].Model.ShouldBe("nano-banana-edit");
        image.Ranked.Single(m => m.Model == "seedream").Of(Criterion.Cost).Value!.Value.ShouldBe(0.03, 1e-9); // $ per image
        image.Verdicts.ShouldContain(v => v.Contains("cheapest ($0.03 per image)"));
    }

    [Fact]
    public void Cost_is_what_fal_billed_when_known_else_the_estimate_and_failed_jobs_make_nothing()
    {
        List<JobRecord> jobs =
        [
            Video("kling", "urban", 0.8, 0.50m, 60, billed: 0.40m), Video("kling", "urban", 0.8, 0.50m, 60),
            Video("kling", "urban", 0.8, 0.50m, 60, billed: 0.30m, state: JobState.Failed), // billed although it failed: still paid for
        ];
        var report = RecommendationBuilder.Build(jobs, [], new RecommendationOptions { Resamples = 10 }, ["run-1"], DateTimeOffset.UnixEpoch);

        var kling = report.Video!.Ranked.ShouldHaveSingleItem();
        kling.Of(Criterion.Cost).Value!.Value.ShouldBe((0.40 + 0.50 + 0.30) / 10, 1e-9); // two 5 s videos
        kling.Failed.ShouldBe(1);
    }

    [Fact]
    public void A_video_never_sent_for_its_input_is_not_the_models_failure()
    {
        var held = Video("ltx", "urban", 0.8, 0, 60, state: JobState.Failed) with { CostUsd = null, LatencySec = null, Error = Catwalk.Runs.Engine.InputRule.NotRun + "its image lost the face" };
        List<JobRecord> jobs = [Video("kling", "urban", 0.8, 0.5m, 60), Video("kling", "urban", 0.8, 0.5m, 60, state: JobState.Failed) with { RequestId = "req-1" }, held];
        var report = RecommendationBuilder.Build(jobs, [], new RecommendationOptions { Resamples = 10 }, ["run-1"], DateTimeOffset.UnixEpoch);

        report.Video!.Ranked.ShouldHaveSingleItem().Failed.ShouldBe(1); // kling's own failure counts
        report.Video.Excluded.ShouldHaveSingleItem().ShouldBe(new ExcludedModel("ltx", "no successful video (0 failed, 1 not run for their input)"));
    }

    [Fact]
    public void A_vote_counts_in_the_scope_of_its_left_video()
    {
        List<JobRecord> jobs = [Video("kling", "urban", 0.8, 0.5m, 60), Video("ltx", "urban", 0.8, 0.5m, 60), Video("kling", "beach", 0.8, 0.5m, 60), Video("ltx", "beach", 0.8, 0.5m, 60)];
        VoteRecord Vote(int left, int right, string outcome, int i) => new()
        {
            Id = $"v{i}", RunId = "run-1", InputKey = jobs[left].InputKey, LeftJobId = jobs[left].Id, RightJobId = jobs[right].Id,
            LeftModel = jobs[left].ModelKey, RightModel = jobs[right].ModelKey, Outcome = outcome,
        };
        List<VoteRecord> votes = [.. Enumerable.Range(0, 6).Select(i => Vote(0, 1, VoteOutcome.Left, i)), .. Enumerable.Range(6, 6).Select(i => Vote(3, 2, VoteOutcome.Left, i))];
        var report = RecommendationBuilder.Build(jobs, votes, new RecommendationOptions { Weights = CriterionWeights.Parse("preference=1"), Resamples = 50 }, ["run-1"], DateTimeOffset.UnixEpoch);

        report.BySetting.Single(r => r.Scope.Value == "urban").Ranked[0].Model.ShouldBe("kling");
        report.BySetting.Single(r => r.Scope.Value == "beach").Ranked[0].Model.ShouldBe("ltx");
        report.BySetting.ShouldAllBe(r => r.Votes == 6);
        report.Video!.Votes.ShouldBe(12);
    }
}
