namespace Catwalk.Store;

/// <summary><see cref="Jobs"/> jobs of one run in one state with the same cost values.</summary>
public sealed record RunStateTally(string RunId, JobState State, decimal EstimatedCostUsd, decimal? CostUsd, int Jobs);
