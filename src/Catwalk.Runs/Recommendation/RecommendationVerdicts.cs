using System.Globalization;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// The answer in plain sentences: best overall (highest score), best quality (highest quality index, with how many times the
/// cheapest model's cost it is), best value (quality index per dollar) and fastest (lowest latency p50); one sentence per
/// model, its titles joined: "kling: best overall and best quality at 2.3× the cost of ltx."
/// </summary>
public static class RecommendationVerdicts
{
    public static IReadOnlyList<string> Of(IReadOnlyList<ModelScore> ranked, IReadOnlyList<ExcludedModel> excluded, RecommendationScope scope)
    {
        if (ranked.Count == 0)
            return [excluded.Count == 0 ? "No model to recommend: nothing was made in this scope." : $"No model to recommend: every model was excluded ({string.Join("; ", excluded.Select(e => $"{e.Model}: {e.Reason}"))})."];
        var titles = new List<(string Model, string Title)>();
        var best = ranked[0];
        titles.Add((best.Model, $"best overall (score {F(best.Score, "0.00")}, 95% {F(best.ScoreInterval.Lower, "0.00")}–{F(best.ScoreInterval.Upper, "0.00")})"));

        var cheapest = ranked.Where(m => m.Of(Criterion.Cost).Value is not null).MinBy(m => m.Of(Criterion.Cost).Value);
        if (ranked.Where(m => m.QualityIndex is not null).MaxBy(m => m.QualityIndex) is { } quality)
        {
            var cost = quality.Of(Criterion.Cost).Value;
            var cheapestCost = cheapest?.Of(Criterion.Cost).Value;
            titles.Add((quality.Model, cheapest is not null && cheapest.Model != quality.Model && cost is { } c && cheapestCost is > 0
                ? $"best quality at {F(c / cheapestCost.Value, "0.0")}× the cost of {cheapest.Model}"
                : "best quality"));
        }
        if (ranked.Where(m => m.ValuePerUsd is not null).MaxBy(m => m.ValuePerUsd) is { } value)
            titles.Add((value.Model, "best value"));
        if (ranked.Where(m => m.Of(Criterion.Latency).Value is not null).MinBy(m => m.Of(Criterion.Latency).Value) is { } fastest)
            titles.Add((fastest.Model, $"fastest (p50 {F(fastest.Of(Criterion.Latency).Value!.Value, "0.0")} s)"));
        if (cheapest is not null && ranked.Count > 1)
            titles.Add((cheapest.Model, $"cheapest ({Money(cheapest.Of(Criterion.Cost).Value!.Value)} per {scope.CostUnit})"));

        return [.. titles.GroupBy(t => t.Model, StringComparer.Ordinal).Select(g => $"{g.Key}: {Join([.. g.Select(t => t.Title)])}.")];
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string Money(double usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
