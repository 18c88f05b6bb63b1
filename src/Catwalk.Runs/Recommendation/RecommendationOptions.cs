namespace Catwalk.Runs.Recommendation;

/// <summary>Weights, hard constraints, and the bootstrap's size and seed (fixed, so the same data gives the same numbers).</summary>
public sealed record RecommendationOptions
{
    public CriterionWeights Weights { get; init; } = CriterionWeights.Default;
    /// <summary>Exclude a model whose mean identity to the face reference is below this (or was never measured).</summary>
    public double? MinIdentity { get; init; }
    /// <summary>Exclude a model whose mean full-body share is below this (or was never measured).</summary>
    public double? MinFullBody { get; init; }
    public int Resamples { get; init; } = 1000;
    public int Seed { get; init; } = 20_261_203;
}
