using Catwalk.Domain;

namespace Catwalk.Runs.Reports;

/// <summary>One job in a machine-readable report.</summary>
public sealed record JobLine(
    string JobId, string RunId, StageKind Stage, string ModelKey, string InputKey, string? LookId, int? RequestedDuration, string State,
    string? RequestId, string? File, double? LatencySec, double? DurationSec, decimal? CostUsd, bool Reused, string? Error,
    decimal? BilledUsd = null, string? BilledSource = null);
