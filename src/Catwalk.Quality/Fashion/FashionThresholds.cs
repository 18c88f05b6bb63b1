namespace Catwalk.Quality.Fashion;

/// <summary>
/// Where the fashion flags start, chosen from numbers measured on real photographs (docs/quality-metrics.md has them):
/// faceres cosine of the same man in 17 other photos 0.55–0.79 (median 0.70), of 70 other faces 0.19–0.51 (stills);
/// a pan/zoom/brightness video of him 0.77 against another photo of him, 0.17–0.37 against others.
/// </summary>
public static class FashionThresholds
{
    /// <summary>
    /// Identity below this in any sampled frame: "face changed". The tails touch: other people reached 0.51 in stills and
    /// 0.50 in a video, the hardest same-man photo 0.55 in a still and 0.525 in a video; 0.5 keeps the same man.
    /// </summary>
    public const double Identity = 0.5;
    /// <summary>A face found in fewer than this share of the sampled frames: "face lost".</summary>
    public const double FaceFoundShare = 0.5;
    /// <summary>Identity falling by more than this from the first sampled frame to the last: "face drifts".</summary>
    public const double Drift = 0.2;
    /// <summary>The whole body in fewer than this share of the sampled frames: "feet cut off" (one of 8 frames may miss).</summary>
    public const double FullBodyShare = 0.85;
    /// <summary>Mean ΔE2000 of the outfit's dominant colours above this: "colour changed" (same outfit 4.4, cut at the knees 12.5, another outfit 16.1, hue-shifted 33).</summary>
    public const double GarmentDeltaE = 15;
    /// <summary>Histogram intersection below this: "colour changed" (same outfit 0.85, cut at the knees 0.75, another outfit 0.34, hue-shifted 0.10).</summary>
    public const double GarmentHistIntersection = 0.5;
    /// <summary>The head counts from this MoveNet score.</summary>
    public const double KeypointScore = 0.3;
    /// <summary>An ankle counts from this MoveNet score: full-body frames of the tests scored 0.24–0.6, legs cut at the knee 0.04–0.17 (and sit at the cut).</summary>
    public const double AnkleScore = 0.2;
    /// <summary>An ankle in the bottom 2 % of the frame is at the cut, not inside.</summary>
    public const double EdgeMargin = 0.02;
    /// <summary>An ankle must be this many thigh lengths below its knee (a cut-off leg's guess sits at the knee).</summary>
    public const double AnkleBelowKnee = 0.4;
}
