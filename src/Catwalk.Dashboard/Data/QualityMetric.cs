using Catwalk.Runs.Reports;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// A per-model quality metric the dashboard can chart and use as the Pareto view's quality axis: its name in
/// metrics_json, a label, and which way is better (as docs/quality-metrics.md defines it). <see cref="Value"/> is null
/// when the model has nothing measured for it (pixel metrics: videos only; fashion metrics: videos or generated images).
/// </summary>
public sealed record QualityMetric(string Name, string Label, bool HigherIsBetter, Func<ModelQuality, double?> Value)
{
    public static IReadOnlyList<QualityMetric> All { get; } =
    [
        Pixel("first_frame_ssim", "first-frame SSIM", true, q => q.FirstFrameSsim),
        Pixel("last_frame_ssim", "last-frame SSIM", true, q => q.LastFrameSsim),
        // 1 − the mean frame difference / 255: higher is steadier.
        Pixel("temporal_flicker_score", "flicker score", true, q => q.TemporalFlickerScore),
        Pixel("motion_score", "motion", true, q => q.MotionScore),
        Pixel("frozen_fraction", "frozen fraction", false, q => q.FrozenFraction),
        Pixel("duration_error_sec", "|duration error| (s)", false, q => q.DurationErrorSec),
        Fashion("identity_mean", "identity", true, q => q.IdentityMean),
        Fashion("garment_delta_e", "garment ΔE", false, q => q.GarmentDeltaE),
        Fashion("full_body_share", "full-body share", true, q => q.FullBodyShare),
    ];

    public static QualityMetric? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Identity, full body and garment colour: they describe only the emulator on emulated results.</summary>
    public bool IsFashion => Name is "identity_mean" or "garment_delta_e" or "full_body_share";

    private static QualityMetric Pixel(string name, string label, bool higherIsBetter, Func<ModelQuality, double?> value) =>
        new(name, label, higherIsBetter, q => q.Measured > 0 ? value(q) : null);

    private static QualityMetric Fashion(string name, string label, bool higherIsBetter, Func<ModelQuality, double?> value) =>
        new(name, label, higherIsBetter, q => q.FashionMeasured > 0 ? value(q) : null);
}
