using System.Text.Json.Serialization;
using Catwalk.Domain;
namespace Catwalk.Runs.Reports;

/// <summary>One model's line of a report.</summary>
public sealed record ModelReport
{
    public required string ModelKey { get; init; }
    public required StageKind Stage { get; init; }
    public int Jobs { get; init; }
    public int Succeeded { get; init; }
    /// <summary>Jobs that were sent (or tried to be) and ended without a result.</summary>
    public int Failed { get; init; }
    /// <summary>
    /// Jobs never sent because of their input (its image failed, was refused by the image gate, …): nothing of the model's
    /// doing, so not in <see cref="Failed"/> or <see cref="SuccessRate"/>.
    /// </summary>
    public int NotRun { get; init; }
    public int Unfinished { get; init; }
    /// <summary>Succeeded over jobs that ended, leaving out those never sent (<see cref="NotRun"/>) and unfinished ones; null when none ended.</summary>
    public double? SuccessRate { get; init; }
    public LatencyStats? Latency { get; init; }
    public double? AvgQueueSec { get; init; }
    public double? AvgInferenceSec { get; init; }
    public double? AvgDownloadSec { get; init; }
    public decimal CostUsd { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    public int Reused { get; init; }
    public double VideoSeconds { get; init; }
    /// <summary>Cost per second of video made; null without videos.</summary>
    public decimal? CostPerVideoSecondUsd { get; init; }
    /// <summary>What fal billed for the model's jobs (after account discounts), over the jobs whose bill was fetched; null when none was (written as null in JSON, not left out).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? BilledUsd { get; init; }
    /// <summary>How many of the model's jobs have a fetched bill.</summary>
    public int BilledJobs { get; init; }
    /// <summary>What Catwalk estimated for those same jobs, so the difference compares like with like.</summary>
    public decimal? BilledEstimateUsd { get; init; }
    /// <summary>Billed minus <see cref="BilledEstimateUsd"/>: negative when fal charged less (an account discount shows up here and nowhere else).</summary>
    public decimal? BilledDifferenceUsd { get; init; }
    /// <summary>Automatic quality over the model's measured videos; null when none was measured.</summary>
    public ModelQuality? Quality { get; init; }
}
