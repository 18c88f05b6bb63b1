namespace Catwalk.Quality;

/// <summary>
/// One video's automatic quality metrics. Names, ranges and which direction is better are documented in
/// <see cref="MetricDefinitions"/> (and docs/quality-metrics.md).
/// </summary>
public sealed record VideoMetrics
{
    // Spec compliance
    public required double DurationSec { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required double Fps { get; init; }
    public required string Codec { get; init; }
    public required bool HasAudio { get; init; }
    public int Frames { get; init; }
    /// <summary>Measured minus requested duration (null when none was requested).</summary>
    public double? DurationErrorSec { get; init; }

    // Faithfulness to the input image (null without one)
    public double? FirstFrameSsim { get; init; }
    public double? FirstFramePsnrDb { get; init; }
    public double? LastFrameSsim { get; init; }
    public double? LastFramePsnrDb { get; init; }

    // Temporal stability and motion
    public required double TemporalFlickerScore { get; init; }
    public required double FrameDifferenceMean { get; init; }
    public required double FrameDifferenceVariance { get; init; }
    public required double BrightnessFlicker { get; init; }
    public required double BrightnessDrift { get; init; }
    public double? MotionScore { get; init; }

    // Defects
    public required double FrozenSec { get; init; }
    public required double FrozenFraction { get; init; }
    public required double BlackSec { get; init; }
    public required int Cuts { get; init; }
    public IReadOnlyList<double> CutTimesSec { get; init; } = [];
    public double? BlurMean { get; init; }
    public double? BlockinessMean { get; init; }

    /// <summary>Identity, full body in frame and garment fidelity (null when no references were given).</summary>
    public Fashion.FashionMetrics? Fashion { get; init; }

    /// <summary>What is wrong with the video, in words (empty when nothing is).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
