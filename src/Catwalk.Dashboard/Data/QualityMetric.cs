using Catwalk.Runs.Reports;

namespace Catwalk.Dashboard.Data;

/// <summary>A per-model quality metric the dashboard can chart: its name in metrics_json, a label, and which way is better.</summary>
public sealed record QualityMetric(string Name, string Label, bool HigherIsBetter, Func<ModelQuality, double?> Value)
{
    public static IReadOnlyList<QualityMetric> All { get; } =
    [
        new("first_frame_ssim", "first-frame SSIM", true, q => q.FirstFrameSsim),
        new("last_frame_ssim", "last-frame SSIM", true, q => q.LastFrameSsim),
        new("temporal_flicker_score", "flicker score", false, q => q.TemporalFlickerScore),
        new("motion_score", "motion", true, q => q.MotionScore),
        new("frozen_fraction", "frozen fraction", false, q => q.FrozenFraction),
        new("duration_error_sec", "|duration error| (s)", false, q => q.DurationErrorSec),
    ];

    public static QualityMetric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);
}
