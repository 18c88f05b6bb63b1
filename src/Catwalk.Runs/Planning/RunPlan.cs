using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Store;

namespace Catwalk.Runs.Planning;

/// <summary>
/// A run expanded into jobs before anything is paid: one image job per look (unless it starts from an image) and
/// one video job per look × duration × model, each with its estimated cost.
/// </summary>
public sealed record RunPlan(IReadOnlyList<JobRecord> Jobs, IReadOnlyDictionary<int, VideoPlan> VideoPlans, decimal ImageJobUsd)
{
    public decimal EstimatedCostUsd => Jobs.Sum(j => j.EstimatedCostUsd);
    public int ImageJobs => Jobs.Count(j => j.Stage == StageKind.Image);
    public int VideoJobs => Jobs.Count(j => j.Stage == StageKind.Video);

    /// <summary>Per video model: how many jobs and what they should cost, in catalog order.</summary>
    public IReadOnlyList<(string ModelKey, int Jobs, decimal CostUsd)> PerModel =>
        [.. Jobs.GroupBy(j => j.ModelKey).Select(g => (g.Key, g.Count(), g.Sum(j => j.EstimatedCostUsd)))];
}
