using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Recommendation;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Recommendation;

/// <summary>The recommendation's maths on fixed data: weights, normalisation and directions, constraints, redistribution, intervals, verdicts.</summary>
public class RecommenderTests
{
    private static readonly RecommendationScope Videos = new(StageKind.Video);

    /// <summary>A model whose <paramref name="n"/> videos (5 s each) cost <paramref name="usdPerSecond"/> (± a little), took about <paramref name="latency"/> s and had that identity.</summary>
    private static ModelEvidence Model(string name, double usdPerSecond, double latency, double identity, int n = 6, double fullBody = 0.95, double deltaE = 6, int failed = 0)
    {
        double Wobble(int i) => (i % 3 - 1) * 0.1; // −0.1, 0, +0.1: a spread for the bootstrap to see
        return new ModelEvidence
        {
            Model = name, Succeeded = n, Failed = failed,
            Costs = [.. Enumerable.Range(0, n).Select(i => new CostSample(usdPerSecond * 5 * (1 + Wobble(i)), 5))],
            Latencies = [.. Enumerable.Range(0, n).Select(i => latency * (1 + Wobble(i)))],
            Quality = [.. Enumerable.Range(0, n).Select(i => new QualitySample(new Dictionary<QualityMeasure, double>
            {
                [QualityMeasure.IdentityMean] = identity + Wobble(i) / 5, [QualityMeasure.FullBodyShare] = fullBody, [QualityMeasure.GarmentDeltaE] = deltaE,
            }))],
        };
    }

    private static IReadOnlyList<ModelEvidence> Three(int n = 6) =>
        [Model("kling", 0.10, 60, 0.80, n), Model("ltx", 0.04, 30, 0.62, n, deltaE: 10), Model("pika", 0.05, 40, 0.45, n, fullBody: 0.7)];

    private static RecommendationOptions With(string weights, double? minIdentity = null, double? minFullBody = null, int resamples = 400) =>
        new() { Weights = CriterionWeights.Parse(weights), MinIdentity = minIdentity, MinFullBody = minFullBody, Resamples = resamples };

    [Theory]
    [InlineData("quality=0.5,cost=0.3,latency=0.2", null)]
    [InlineData("Cost = 2", null)]
    [InlineData("quality=0.5,speed=0.5", "unknown criterion 'speed'")]
    [InlineData("quality=-1,cost=1", "negative")]
    [InlineData("quality=lots", "not a number")]
    [InlineData("quality=0,cost=0", "every weight is 0")]
    [InlineData("quality=1,quality=2", "given twice")]
    [InlineData("quality", "not NAME=NUMBER")]
    [InlineData("", "empty")]
    public void Weights_parse_or_say_what_is_wrong(string text, string? problem)
    {
        var ok = CriterionWeights.TryParse(text, out var weights, out var message);
        ok.ShouldBe(problem is null, message);
        if (problem is null) weights.Values.Values.Sum().ShouldBeGreaterThan(0);
        else message.ShouldContain(problem);
    }

    [Fact]
    public void One_criterion_ranks_by_it_in_its_direction_with_min_max_normalisation()
    {
        var cost = Recommender.Recommend(Videos, Three(), [], With("cost=1"));
        cost.Ranked.Select(m => m.Model).ShouldBe(["ltx", "pika", "kling"]); // cheapest first: lower is better
        cost.Ranked[0].Score.ShouldBe(1, 1e-6);
        cost.Ranked[2].Score.ShouldBe(0, 1e-6);
        var pika = cost.Ranked[1].Of(Criterion.Cost);
        pika.Normalised.ShouldBe((0.10 - pika.Value!.Value) / (0.10 - 0.04), 1e-4); // (max − x) / (max − min)

        Recommender.Recommend(Videos, Three(), [], With("latency=1")).Ranked.Select(m => m.Model).ShouldBe(["ltx", "pika", "kling"]);
        var quality = Recommender.Recommend(Videos, Three(), [], With("quality=1"));
        quality.Ranked.Select(m => m.Model).ShouldBe(["kling", "ltx", "pika"]); // higher is better
        quality.QualityFamily.ShouldBe(QualityFamily.Fashion);
        quality.Ranked[0].Of(Criterion.Quality).Normalised.ShouldBe(1, 1e-6);
    }

    [Fact]
    public void Weights_trade_quality_against_cost()
    {
        Recommender.Recommend(Videos, Three(), [], With("quality=0.9,cost=0.1")).Ranked[0].Model.ShouldBe("kling");
        Recommender.Recommend(Videos, Three(), [], With("quality=0.1,cost=0.9")).Ranked[0].Model.ShouldBe("ltx");
        var mixed = Recommender.Recommend(Videos, Three(), [], With("quality=3,cost=1"));
        mixed.Weights.Single(w => w.Criterion == Criterion.Quality).Used.ShouldBe(0.75, 1e-6); // scaled to sum 1
        foreach (var m in mixed.Ranked) m.Score.ShouldBe(0.75 * m.Of(Criterion.Quality).Normalised + 0.25 * m.Of(Criterion.Cost).Normalised, 1e-5);
    }

    [Fact]
    public void Hard_constraints_exclude_with_the_reason()
    {
        List<ModelEvidence> models = [.. Three(), Model("luma", 0.02, 10, 0.9, n: 0, failed: 2), new ModelEvidence { Model = "veo3", Succeeded = 3, Costs = [new CostSample(1, 5)] }];
        var result = Recommender.Recommend(Videos, models, [], With("quality=1", minIdentity: 0.6, minFullBody: 0.9));

        result.Ranked.Select(m => m.Model).ShouldBe(["kling", "ltx"]);
        result.Excluded.Single(e => e.Model == "pika").Reason.ShouldBe("identity 0.45 is below --min-identity 0.6");
        result.Excluded.Single(e => e.Model == "luma").Reason.ShouldBe("no successful video (2 failed)");
        result.Excluded.Single(e => e.Model == "veo3").Reason.ShouldContain("identity not measured");

        var body = Recommender.Recommend(Videos, Three(), [], With("quality=1", minFullBody: 0.9));
        body.Excluded.ShouldHaveSingleItem().ShouldBe(new ExcludedModel("pika", "full-body share 0.7 is below --min-full-body 0.9"));
    }

    [Fact]
    public void A_criterion_without_data_drops_out_and_its_weight_is_shared_and_said()
    {
        var result = Recommender.Recommend(Videos, Three(), [], With("preference=0.5,cost=0.3,latency=0.2"));

        var used = result.Weights.ToDictionary(w => w.Criterion);
        used[Criterion.Preference].HasData.ShouldBeFalse();
        used[Criterion.Preference].Used.ShouldBe(0);
        used[Criterion.Cost].Used.ShouldBe(0.6, 1e-6);
        used[Criterion.Latency].Used.ShouldBe(0.4, 1e-6);
        result.Notes.ShouldContain(n => n.Contains("No candidate has votes") && n.Contains("0.5") && n.Contains("cost, latency"));
        // Cost and latency agree here, so the score is 1 for the cheapest-and-fastest.
        result.Ranked[0].Model.ShouldBe("ltx");
        result.Ranked[0].Score.ShouldBe(1, 1e-6);
    }

    [Fact]
    public void A_model_without_data_on_a_criterion_counts_zero_on_it_and_says_so()
    {
        List<ModelEvidence> models = [.. Three(), new ModelEvidence { Model = "veo3", Succeeded = 2, Costs = [new CostSample(0.2, 5), new CostSample(0.2, 5)], Latencies = [20, 21] }];
        var veo3 = Recommender.Recommend(Videos, models, [], With("quality=1,cost=1")).Ranked.Single(m => m.Model == "veo3");
        veo3.Of(Criterion.Quality).Value.ShouldBeNull();
        veo3.Of(Criterion.Quality).Normalised.ShouldBe(0);
        veo3.Notes.ShouldContain(n => n.Contains("no measured quality"));
    }

    [Fact]
    public void Votes_give_preference_ratings_with_intervals()
    {
        var votes = Enumerable.Range(0, 20).Select(i => new Comparison("kling", "ltx", i % 5 == 0 ? VoteOutcome.Right : VoteOutcome.Left)).ToList();
        var result = Recommender.Recommend(Videos, Three(), votes, With("preference=1"));

        result.Ranked.Select(m => m.Model).Take(2).ShouldBe(["kling", "ltx"]);
        var kling = result.Ranked[0].Of(Criterion.Preference);
        kling.Value!.Value.ShouldBeGreaterThan(1000);
        kling.Interval!.Contains(kling.Value.Value).ShouldBeTrue();
        result.Ranked.Single(m => m.Model == "pika").Notes.ShouldContain("no votes: preference counts 0");
        result.Votes.ShouldBe(20);
    }

    [Fact]
    public void Intervals_contain_the_estimate_narrow_with_more_data_and_are_the_same_every_time()
    {
        var few = Recommender.Recommend(Videos, Three(n: 6), [], With("quality=0.5,cost=0.3,latency=0.2"));
        var many = Recommender.Recommend(Videos, Three(n: 60), [], With("quality=0.5,cost=0.3,latency=0.2"));

        foreach (var result in new[] { few, many })
            foreach (var model in result.Ranked)
            {
                model.ScoreInterval.Contains(model.Score).ShouldBeTrue($"{model.Model}: {model.Score} in {model.ScoreInterval}");
                foreach (var c in model.Criteria.Where(c => c.Value is not null)) c.Interval!.Contains(c.Value!.Value).ShouldBeTrue($"{model.Model} {c.Criterion}");
            }
        var fewPika = few.Ranked.Single(m => m.Model == "pika");
        var manyPika = many.Ranked.Single(m => m.Model == "pika");
        manyPika.ScoreInterval.Width.ShouldBeLessThan(fewPika.ScoreInterval.Width);
        manyPika.Of(Criterion.Cost).Interval!.Width.ShouldBeLessThan(fewPika.Of(Criterion.Cost).Interval!.Width / 2);
        fewPika.ScoreInterval.Width.ShouldBeGreaterThan(0);

        Recommender.Recommend(Videos, Three(n: 6), [], With("quality=0.5,cost=0.3,latency=0.2")).ShouldBeEquivalentTo(few);
    }

    [Fact]
    public void Verdicts_name_best_overall_quality_value_and_fastest_in_plain_sentences()
    {
        var result = Recommender.Recommend(Videos, Three(), [], With("quality=0.9,cost=0.1"));

        result.Verdicts.ShouldContain(v => v.StartsWith("kling: best overall (score ", StringComparison.Ordinal) && v.Contains("and best quality at 2.5× the cost of ltx"));
        result.Verdicts.ShouldContain(v => v.StartsWith("ltx: best value", StringComparison.Ordinal) && v.Contains("fastest (p50 30.0 s)") && v.Contains("cheapest ($0.04 per video second)"));
        var ltx = result.Ranked.Single(m => m.Model == "ltx");
        var kling = result.Ranked.Single(m => m.Model == "kling");
        ltx.ValuePerUsd!.Value.ShouldBeGreaterThan(kling.ValuePerUsd!.Value);
        ltx.ValuePerUsd.Value.ShouldBe(ltx.QualityIndex!.Value / ltx.Of(Criterion.Cost).Value!.Value, 1e-3);
    }

    [Fact]
    public void Nothing_left_says_why()
    {
        var result = Recommender.Recommend(Videos, [Model("luma", 0.02, 10, 0.9, n: 0, failed: 3)], [], With("cost=1"));
        result.Ranked.ShouldBeEmpty();
        result.Verdicts.ShouldHaveSingleItem().ShouldBe("No model to recommend: every model was excluded (luma: no successful video (3 failed)).");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    public void A_resampled_latency_median_is_the_median_of_the_same_draws_sorted(int n)
    {
        // Ties included (values repeat), as real latencies rounded to milliseconds do.
        var latencies = Enumerable.Range(0, n).Select(i => Math.Round(10 + (i * 7919 % 97) / 4.0, 1)).ToList();
        var model = new SampledModel(new ModelEvidence { Model = "m", Succeeded = n, Latencies = latencies }, family: null);
        var sorted = latencies.Order().ToArray();
        for (var seed = 0; seed < 20; seed++)
        {
            var (_, _, median) = model.Measure(new Random(seed));
            var draws = new Random(seed);
            var expected = Enumerable.Range(0, n).Select(_ => sorted[draws.Next(n)]).Order().ToList();
            median.ShouldBe(Percentiles.Of(expected, 0.5), $"n {n}, seed {seed}");
        }
    }
}
