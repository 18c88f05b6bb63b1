namespace Catwalk.Runs.Recommendation;

/// <summary>
/// One model on one criterion: its measured value (rating; quality 0–1; $ per unit; seconds) with a 95% bootstrap interval,
/// and that value normalised onto 0–1 across the candidates (1 best); null when the model has no data for it (then it counts 0).
/// </summary>
public sealed record CriterionScore
{
    public required Criterion Criterion { get; init; }
    public double? Value { get; init; }
    public Interval? Interval { get; init; }
    public double Normalised { get; init; }
    /// <summary>The weight it had in the score (after a criterion without data dropped out); 0 when it counted for nothing.</summary>
    public double Weight { get; init; }
}
