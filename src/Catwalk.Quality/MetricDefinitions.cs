using Catwalk.Quality.Fashion;

namespace Catwalk.Quality;

/// <summary>
/// Every metric of <see cref="VideoMetrics"/>, documented as data (the report, the dashboard and docs/quality-metrics.md
/// read it). The "fashion" group lives in the <c>fashion</c> object (<see cref="FashionMetrics"/>), with its thresholds.
/// </summary>
public static class MetricDefinitions
{
    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new("duration_error_sec", "spec", "Measured minus requested duration.", "seconds, 0 = as asked", null),
        new("first_frame_ssim", "faithfulness", "Structural similarity of the first frame to the input image (scaled and centre-cropped to the video's frame).", "0–1", true),
        new("first_frame_psnr_db", "faithfulness", "Peak signal-to-noise ratio of the first frame against the input image; 100 means identical.", "dB, ~10–100", true),
        new("last_frame_ssim", "faithfulness", "SSIM of the last frame to the input image: how far the video drifted from it (low can be fine for big motion).", "0–1", true),
        new("last_frame_psnr_db", "faithfulness", "PSNR of the last frame against the input image.", "dB", true),
        new("temporal_flicker_score", "stability", "VBench's temporal flickering: 1 − mean absolute difference of consecutive frames / 255.", "0–1", true),
        new("frame_difference_mean", "stability", "Mean absolute luma difference between consecutive frames (0 = nothing changes).", "0–255", null),
        new("frame_difference_variance", "stability", "Variance of that difference over the video: jerky or pulsing change is high.", "≥ 0", false),
        new("brightness_flicker", "stability", "Mean absolute change of a frame's average brightness from the frame before.", "0–255", false),
        new("brightness_drift", "stability", "Average brightness of the last frame minus the first (YAVG).", "−255–255, 0 = steady", null),
        new("motion_score", "motion", "VMAF motion (ffmpeg vmafmotion): how much the picture moves; near 0 is a still picture.", "≥ 0 (typically 0–20)", null),
        new("frozen_sec", "defects", "Seconds in frozen spans of at least 0.5 s (ffmpeg freezedetect).", "seconds", false),
        new("frozen_fraction", "defects", "Frozen seconds over the duration.", "0–1", false),
        new("black_sec", "defects", "Seconds of (almost) black frames (ffmpeg blackdetect).", "seconds", false),
        new("cuts", "defects", "Scene cuts (ffmpeg scdet, threshold 10): a single-shot clip should have none.", "count", false),
        new("blur_mean", "defects", "Mean blur (ffmpeg blurdetect): larger is blurrier.", "≥ 0", false),
        new("blockiness_mean", "defects", "Mean blockiness (ffmpeg blockdetect): compression blocks; larger is worse.", "≥ 0", false),
        new("identity_mean", "fashion", "Cosine similarity of the face in the sampled frames to the face reference (faceres embeddings), averaged.", "−1–1 (same person ≈ 0.55–0.85)", true),
        new("identity_min", "fashion", "The lowest identity over the sampled frames: below the threshold is \"face changed\".", "−1–1", true, FashionThresholds.Identity),
        new("identity_drift", "fashion", "Identity of the first sampled frame minus the last: above the threshold is \"face drifts\".", "−2–2, 0 = steady", false, FashionThresholds.Drift),
        new("face_found_share", "fashion", "Share of the sampled frames where a face was found: below the threshold is \"face lost\".", "0–1", true, FashionThresholds.FaceFoundShare),
        new("full_body_share", "fashion", "Share of the sampled frames with the head and both ankles confidently inside (MoveNet): below the threshold is \"feet cut off\".", "0–1", true, FashionThresholds.FullBodyShare),
        new("feet_leave_sec", "fashion", "The time of the first sampled frame without the whole body.", "seconds", null),
        new("garment_delta_e", "fashion", "Mean CIEDE2000 from the outfit pictures' dominant colours to the nearest ones of the clothing region (person mask, no skin): above the threshold is \"colour changed\".", "≥ 0 (≈1 just noticeable)", false, FashionThresholds.GarmentDeltaE),
        new("garment_hist_intersection", "fashion", "Histogram intersection of the clothing region's CIELAB colours with the outfit's: below the threshold is \"colour changed\".", "0–1", true, FashionThresholds.GarmentHistIntersection),
    ];
}
