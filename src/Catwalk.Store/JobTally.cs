using Catwalk.Domain;

namespace Catwalk.Store;

/// <summary>
/// <see cref="Jobs"/> jobs alike in stage, model, state, whether never sent or reused, and cost values; the sums and
/// counts of their durations and (non-null) timing parts.
/// </summary>
public sealed record JobTally
{
    public required StageKind Stage { get; init; }
    public required string ModelKey { get; init; }
    public required JobState State { get; init; }
    public bool NeverSent { get; init; }
    public bool Reused { get; init; }
    public decimal? CostUsd { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    public decimal? BilledUsd { get; init; }
    public int Jobs { get; init; }
    /// <summary>The sum of their durations, a missing one counted as 0.</summary>
    public double DurationSec { get; init; }
    public double QueueSec { get; init; }
    public int QueueCount { get; init; }
    public double InferenceSec { get; init; }
    public int InferenceCount { get; init; }
    public double DownloadSec { get; init; }
    public int DownloadCount { get; init; }

    /// <summary>What one of these jobs has cost or may be costing (<see cref="JobRecord.ChargedUsd"/>).</summary>
    public decimal ChargedUsd => new JobRecord { Id = "", RunId = "", Stage = Stage, ModelKey = ModelKey, EndpointId = "", InputKey = "", State = State, CostUsd = CostUsd, EstimatedCostUsd = EstimatedCostUsd }.ChargedUsd;
}
