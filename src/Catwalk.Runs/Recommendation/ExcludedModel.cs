namespace Catwalk.Runs.Recommendation;

/// <summary>A model a hard constraint left out, and why ("identity 0.42 is below --min-identity 0.6").</summary>
public sealed record ExcludedModel(string Model, string Reason);
