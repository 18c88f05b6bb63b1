using Catwalk.Domain;
using Catwalk.Runs.Reports;

namespace Catwalk.Dashboard.Data;

/// <summary>The overview's headline numbers, from the report over the filtered jobs.</summary>
public sealed record OverviewStats(int Videos, int ModelsTested, double? SuccessRate, decimal SpendUsd, IReadOnlyList<ModelReport> Models)
{
    public static OverviewStats Of(RunReport report)
    {
        var videoModels = report.Models.Where(m => m.Stage == StageKind.Video).ToList();
        var ended = report.Succeeded + report.Failed;
        return new OverviewStats(
            videoModels.Sum(m => m.Succeeded),
            videoModels.Select(m => m.ModelKey).Distinct(StringComparer.Ordinal).Count(),
            ended == 0 ? null : Math.Round((double)report.Succeeded / ended, 4),
            report.CostUsd,
            report.Models);
    }
}
