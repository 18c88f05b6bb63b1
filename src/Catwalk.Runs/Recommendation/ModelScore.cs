namespace Catwalk.Runs.Recommendation;

/// <summary>A ranked model: its weighted score (0–1) with a 95% bootstrap interval, each criterion, and what the verdicts use.</summary>
public sealed record ModelScore
{
    public required int Rank { get; init; }
    public required string Model { get; init; }
    public required double Score { get; init; }
    public required Interval ScoreInterval { get; init; }
    public required IReadOnlyList<CriterionScore> Criteria { get; init; }
    /// <summary>Quality on a natural 0–1 scale: the mean of the win probability against the average model (with votes) and the automatic quality (when measured).</summary>
    public double? QualityIndex { get; init; }
    /// <summary><see cref="QualityIndex"/> per dollar of one unit (a video second, or an image); null without both or at no cost.</summary>
    public double? ValuePerUsd { get; init; }
    public int Succeeded { get; init; }
    public int Failed { get; init; }
    /// <summary>What this model's numbers rest on or lack ("no votes: preference counts 0").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public CriterionScore Of(Criterion criterion) => Criteria.Single(c => c.Criterion == criterion);
}
