using Catwalk.Quality.Fashion;

namespace Catwalk.Runs.Recommendation;

/// <summary>
/// Each quality measure's family, metric name and "goodness": the measure mapped onto 0–1, 1 best, on its own natural
/// scale (not relative to the other models), so a video's automatic quality is the mean goodness of its measures and
/// "quality per dollar" means something. Shares and similarities are already 0–1 (identity below 0 counts 0); lower-is-better
/// measures are turned round: 1 − frozen fraction, 1 / (1 + ΔE/15) (0.5 at the "colour changed" threshold),
/// 1 / (1 + |duration error| in s) (0.5 at one second off).
/// </summary>
public static class QualityMeasures
{
    public static IReadOnlyList<QualityMeasure> All { get; } = Enum.GetValues<QualityMeasure>();

    public static QualityFamily Family(this QualityMeasure measure) => measure switch
    {
        QualityMeasure.IdentityMean or QualityMeasure.FullBodyShare or QualityMeasure.GarmentDeltaE or QualityMeasure.GarmentHistIntersection => QualityFamily.Fashion,
        _ => QualityFamily.Pixel,
    };

    /// <summary>The metric's name in metrics_json (docs/quality-metrics.md).</summary>
    public static string MetricName(this QualityMeasure measure) => measure switch
    {
        QualityMeasure.IdentityMean => "identity_mean",
        QualityMeasure.FullBodyShare => "full_body_share",
        QualityMeasure.GarmentDeltaE => "garment_delta_e",
        QualityMeasure.GarmentHistIntersection => "garment_hist_intersection",
        QualityMeasure.FirstFrameSsim => "first_frame_ssim",
        QualityMeasure.TemporalFlickerScore => "temporal_flicker_score",
        QualityMeasure.FrozenFraction => "frozen_fraction",
        QualityMeasure.DurationError => "duration_error_sec",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static double Goodness(this QualityMeasure measure, double value) => measure switch
    {
        QualityMeasure.IdentityMean => Math.Clamp(value, 0, 1),
        QualityMeasure.GarmentDeltaE => 1 / (1 + Math.Max(0, value) / FashionThresholds.GarmentDeltaE),
        QualityMeasure.FrozenFraction => 1 - Math.Clamp(value, 0, 1),
        QualityMeasure.DurationError => 1 / (1 + Math.Abs(value)),
        _ => Math.Clamp(value, 0, 1),
    };
}
