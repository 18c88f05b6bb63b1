using System.Globalization;
using Catwalk.Runs.Preference;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// Ranks models by a weighted, normalised score (docs/recommendation.md). Per criterion each candidate's value is measured
/// (Bradley–Terry rating, mean automatic quality, $ per unit, latency p50), then normalised min–max across the candidates
/// onto 0–1 with 1 the best (lower is better for cost and latency); all candidates equal → 1 each; a candidate without data
/// for it → 0 (it has not shown it). A criterion no candidate has data for drops out and its weight is shared over the
/// others in proportion to theirs. The score is the weighted sum (weights scaled to sum 1). Uncertainty: the votes and each
/// model's per-job samples are resampled together, seeded; each resample is placed on the same scale as the point
/// estimates (clamped to 0–1) and scored; intervals are the 2.5th–97.5th percentiles.
/// </summary>
public static class Recommender
{
    private const int MinimumCandidatesForComparison = 2;

    public static Recommendation Recommend(RecommendationScope scope, IReadOnlyList<ModelEvidence> models, IReadOnlyList<Comparison> votes, RecommendationOptions options)
    {
        var excluded = new List<ExcludedModel>();
        var candidates = new List<ModelEvidence>();
        foreach (var model in models.OrderBy(m => m.Model, StringComparer.Ordinal))
        {
            if (ExclusionReason(model, scope, options) is { } reason) excluded.Add(new ExcludedModel(model.Model, reason));
            else candidates.Add(model);
        }
        var family = candidates.Any(m => m.Quality.Any(q => q.Has(QualityFamily.Fashion))) ? QualityFamily.Fashion
            : candidates.Any(m => m.Quality.Any(q => q.Has(QualityFamily.Pixel))) ? QualityFamily.Pixel : (QualityFamily?)null;

        var sampled = candidates.Select(m => new SampledModel(m, family)).ToList();
        var sampledVotes = new SampledVotes(votes);
        var point = Measure(sampled, sampledVotes, random: null);
        var has = CriterionNames.All.ToDictionary(c => c, c => point.Values.Any(v => v[c] is not null));
        var notes = new List<string>();
        var weights = Weights(options.Weights, has, scope, notes);
        var scale = CriterionNames.All.ToDictionary(c => c, c => Scale(point.Values.Select(v => v[c])));

        var scores = candidates.ToDictionary(m => m.Model, m => Score(point[m.Model], weights, scale), StringComparer.Ordinal);

        // The bootstrap: every resample draws the votes and each model's samples again, from one seeded generator.
        var random = new Random(options.Seed);
        var sampledScores = candidates.ToDictionary(m => m.Model, _ => new List<double>(), StringComparer.Ordinal);
        var sampledValues = candidates.ToDictionary(m => m.Model, _ => CriterionNames.All.ToDictionary(c => c, _ => new List<double>()), StringComparer.Ordinal);
        for (var b = 0; b < options.Resamples; b++)
        {
            var values = Measure(sampled, sampledVotes, random);
            foreach (var model in candidates)
            {
                sampledScores[model.Model].Add(Score(values[model.Model], weights, scale));
                foreach (var criterion in CriterionNames.All)
                    if (values[model.Model][criterion] is { } value) sampledValues[model.Model][criterion].Add(value);
            }
        }

        var ranked = new List<ModelScore>();
        foreach (var model in candidates.OrderByDescending(m => scores[m.Model]).ThenBy(m => m.Model, StringComparer.Ordinal))
        {
            var values = point[model.Model];
            var modelNotes = new List<string>();
            var criteria = CriterionNames.All.Select(c =>
            {
                if (values[c] is null && weights[c] > 0) modelNotes.Add(Missing(c, scope));
                return new CriterionScore
                {
                    Criterion = c, Value = values[c] is { } v ? Round(v) : null, Weight = Round(weights[c]),
                    Interval = values[c] is { } value ? IntervalOf(sampledValues[model.Model][c], value) : null,
                    Normalised = Round(Normalise(values[c], scale[c], c)),
                };
            }).ToList();
            var qualityIndex = QualityIndex(values);
            var cost = values[Criterion.Cost];
            ranked.Add(new ModelScore
            {
                Rank = ranked.Count + 1, Model = model.Model, Score = Round(scores[model.Model]),
                ScoreInterval = IntervalOf(sampledScores[model.Model], scores[model.Model]), Criteria = criteria,
                QualityIndex = qualityIndex is { } q ? Round(q) : null,
                ValuePerUsd = qualityIndex is { } qi && cost is > 0 ? Round(qi / cost.Value) : null,
                Succeeded = model.Succeeded, Failed = model.Failed, Notes = modelNotes,
            });
        }
        if (ranked.Count >= MinimumCandidatesForComparison && ranked[0].ScoreInterval.Overlaps(ranked[1].ScoreInterval))
            notes.Add($"{ranked[0].Model} and {ranked[1].Model} are within each other's 95% intervals: more videos or votes would tell them apart.");
        return new Recommendation
        {
            Scope = scope, Ranked = ranked, Excluded = excluded, QualityFamily = family, Votes = votes.Count, Resamples = options.Resamples, Notes = notes,
            Weights = [.. CriterionNames.All.Select(c => new WeightUse(c, options.Weights.Of(c), Round(weights[c]), has[c]))],
            Verdicts = RecommendationVerdicts.Of(ranked, excluded, scope),
        };
    }

    /// <summary>Why a hard constraint leaves the model out; null when it stays.</summary>
    private static string? ExclusionReason(ModelEvidence model, RecommendationScope scope, RecommendationOptions options)
    {
        var what = scope.Stage == Domain.StageKind.Image ? "image" : "video";
        if (model.Succeeded == 0) return $"no successful {what} ({model.Failed} failed{(model.NotRun > 0 ? $", {model.NotRun} not run for their input" : "")})";
        if (options.MinIdentity is { } minIdentity)
        {
            if (model.Mean(QualityMeasure.IdentityMean) is not { } identity) return $"identity not measured, so --min-identity {F(minIdentity)} cannot be checked (`catwalk metrics --all --only fashion` measures it)";
            if (identity < minIdentity) return $"identity {F(identity)} is below --min-identity {F(minIdentity)}";
        }
        if (options.MinFullBody is { } minFullBody)
        {
            if (model.Mean(QualityMeasure.FullBodyShare) is not { } share) return $"full-body share not measured, so --min-full-body {F(minFullBody)} cannot be checked (`catwalk metrics --all --only fashion` measures it)";
            if (share < minFullBody) return $"full-body share {F(share)} is below --min-full-body {F(minFullBody)}";
        }
        return null;
    }

    /// <summary>Each model's value per criterion (null: no data), as measured or, with <paramref name="random"/>, for one resample (votes first, then each model in name order).</summary>
    private static Dictionary<string, Dictionary<Criterion, double?>> Measure(IReadOnlyList<SampledModel> models, SampledVotes votes, Random? random)
    {
        var ratings = votes.Ratings(random);
        var result = new Dictionary<string, Dictionary<Criterion, double?>>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var (quality, cost, latency) = model.Measure(random);
            result[model.Model] = new Dictionary<Criterion, double?>
            {
                [Criterion.Preference] = ratings.TryGetValue(model.Model, out var rating) ? rating : null,
                [Criterion.Quality] = quality, [Criterion.Cost] = cost, [Criterion.Latency] = latency,
            };
        }
        return result;
    }

    /// <summary>The weights scaled to sum 1 over the criteria with data; a dropped criterion's share goes to the others in proportion.</summary>
    private static Dictionary<Criterion, double> Weights(CriterionWeights asked, IReadOnlyDictionary<Criterion, bool> has, RecommendationScope scope, List<string> notes)
    {
        var kept = CriterionNames.All.Where(c => has[c] && asked.Of(c) > 0).ToList();
        foreach (var dropped in CriterionNames.All.Where(c => !has[c] && asked.Of(c) > 0))
            notes.Add($"No candidate has {Describe(dropped, scope)}: its weight {F(asked.Of(dropped))} is shared over {(kept.Count == 0 ? "nothing" : string.Join(", ", kept.Select(c => c.Name())))} in proportion to theirs.");
        if (kept.Count == 0)
        {
            kept = [.. CriterionNames.All.Where(c => has[c])];
            if (kept.Count > 0) notes.Add($"None of the weighted criteria has data: {string.Join(", ", kept.Select(c => c.Name()))} count equally instead.");
            return CriterionNames.All.ToDictionary(c => c, c => kept.Contains(c) ? 1.0 / kept.Count : 0);
        }
        var total = kept.Sum(asked.Of);
        return CriterionNames.All.ToDictionary(c => c, c => kept.Contains(c) ? asked.Of(c) / total : 0);
    }

    private static (double Min, double Max)? Scale(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : (present.Min(), present.Max());
    }

    /// <summary>Onto 0–1, 1 best, on the point estimates' scale; outside it (a resample) clamped; no data 0; all equal 1.</summary>
    private static double Normalise(double? value, (double Min, double Max)? scale, Criterion criterion)
    {
        if (value is not { } v || scale is not { } s) return 0;
        if (s.Max - s.Min < 1e-12) return 1;
        var up = (v - s.Min) / (s.Max - s.Min);
        return Math.Clamp(criterion.HigherIsBetter() ? up : 1 - up, 0, 1);
    }

    private static double Score(Dictionary<Criterion, double?> values, Dictionary<Criterion, double> weights, Dictionary<Criterion, (double Min, double Max)?> scale) =>
        CriterionNames.All.Sum(c => weights[c] * Normalise(values[c], scale[c], c));

    /// <summary>Mean of the win probability against the average (1000) model and the automatic quality, where present.</summary>
    private static double? QualityIndex(Dictionary<Criterion, double?> values)
    {
        var parts = new List<double>();
        if (values[Criterion.Preference] is { } rating) parts.Add(1 / (1 + Math.Pow(10, (1000 - rating) / 400)));
        if (values[Criterion.Quality] is { } quality) parts.Add(quality);
        return parts.Count == 0 ? null : parts.Average();
    }

    private static Interval IntervalOf(List<double> samples, double point)
    {
        if (samples.Count == 0) return new Interval(Round(point), Round(point));
        samples.Sort();
        return new Interval(Round(Percentiles.Of(samples, 0.025)), Round(Percentiles.Of(samples, 0.975)));
    }

    private static string Missing(Criterion criterion, RecommendationScope scope) => $"no {Describe(criterion, scope)}: {criterion.Name()} counts 0";

    private static string Describe(Criterion criterion, RecommendationScope scope) => criterion switch
    {
        Criterion.Preference => scope.Stage == Domain.StageKind.Image ? "votes on images (the dashboard's /vote/images)" : "votes",
        Criterion.Quality => "measured quality (`catwalk metrics --all`)",
        Criterion.Cost => $"cost per {scope.CostUnit}",
        _ => "latency",
    };

    private static double Round(double value) => Math.Round(value, 6);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
