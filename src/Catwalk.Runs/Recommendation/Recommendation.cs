namespace Catwalk.Runs.Recommendation;

/// <summary>One scope's answer: the candidates ranked, the excluded with their reasons, the weights used, notes and plain-sentence verdicts.</summary>
public sealed record Recommendation
{
    public required RecommendationScope Scope { get; init; }
    public string Label => Scope.Label;
    public required IReadOnlyList<ModelScore> Ranked { get; init; }
    public required IReadOnlyList<ExcludedModel> Excluded { get; init; }
    public required IReadOnlyList<WeightUse> Weights { get; init; }
    /// <summary>Which metrics automatic quality was made of; null when no candidate was measured.</summary>
    public QualityFamily? QualityFamily { get; init; }
    public int Votes { get; init; }
    public int Resamples { get; init; }
    /// <summary>What the reader should know: criteria that dropped out and where their weight went, overlapping intervals.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>"kling: best quality at 2.3× the cost of ltx." — best overall, best quality, best value, fastest.</summary>
    public required IReadOnlyList<string> Verdicts { get; init; }
}
