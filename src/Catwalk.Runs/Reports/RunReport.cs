using System.Text.Json.Serialization;

namespace Catwalk.Runs.Reports;

/// <summary>Per-model statistics over a set of jobs (one run, or the whole store), plus totals and every job.</summary>
public sealed record RunReport
{
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The runs covered: one id, or all of them.</summary>
    public required IReadOnlyList<string> Runs { get; init; }
    public required IReadOnlyList<ModelReport> Models { get; init; }
    public int Jobs { get; init; }
    public int Succeeded { get; init; }
    /// <summary>Jobs sent (or tried) that ended without a result; those never sent for their input's sake are <see cref="NotRun"/>.</summary>
    public int Failed { get; init; }
    public int NotRun { get; init; }
    public int Unfinished { get; init; }
    public decimal CostUsd { get; init; }
    public decimal EstimatedCostUsd { get; init; }
    /// <summary>What fal billed over every job whose bill was fetched (<c>report --billed</c>); null when none was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? BilledUsd { get; init; }
    public int BilledJobs { get; init; }
    public decimal? BilledEstimateUsd { get; init; }
    public decimal? BilledDifferenceUsd { get; init; }
    public IReadOnlyList<JobLine> JobLines { get; init; } = [];
    /// <summary>Image model × video model: each video model's videos per image model (empty when one image model made every image).</summary>
    public IReadOnlyList<MatrixCell> Matrix { get; init; } = [];
}
