namespace Catwalk.Dashboard.Api;

/// <summary>202 of <c>POST /api/batches</c>: the run stored and its jobs on the workers' queue.</summary>
public sealed record BatchAccepted(string RunId, int Jobs, decimal EstimatedCostUsd, string Queue);
