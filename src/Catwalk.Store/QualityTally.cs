using Catwalk.Domain;

namespace Catwalk.Store;

/// <summary>
/// One stage and model's quality metrics aggregated by the database over its saved, measured jobs: the videos' pixel
/// and fashion metrics (means as stored, unrounded; null without values), the generated images' fashion metrics, and
/// how many results with fashion metrics the emulator made (its job's flag or its run's).
/// </summary>
public sealed record QualityTally
{
    public required StageKind Stage { get; init; }
    public required string ModelKey { get; init; }
    public int Measured { get; init; }
    public double? FirstFrameSsim { get; init; }
    public double? LastFrameSsim { get; init; }
    public double? TemporalFlickerScore { get; init; }
    public double? MotionScore { get; init; }
    public double? FrozenFraction { get; init; }
    public double? DurationErrorSec { get; init; }
    public int Cuts { get; init; }
    public int Flagged { get; init; }
    public int FashionMeasured { get; init; }
    public double? IdentityMean { get; init; }
    public double? FullBodyShare { get; init; }
    public double? GarmentDeltaE { get; init; }
    public int FashionFlagged { get; init; }
    public int ImagesMeasured { get; init; }
    public double? ImageIdentityMean { get; init; }
    public double? ImageFullBodyShare { get; init; }
    public double? ImageGarmentDeltaE { get; init; }
    public int ImagesFlagged { get; init; }
    public int EmulatedWithFashion { get; init; }
}
