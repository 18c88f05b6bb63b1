namespace Catwalk.Runs.Recommendation;

/// <summary>A criterion's weight as asked and as used (scaled to sum 1; 0 when no candidate had data for it, its share given to the others).</summary>
public sealed record WeightUse(Criterion Criterion, double Asked, double Used, bool HasData);
