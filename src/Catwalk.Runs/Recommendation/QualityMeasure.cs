namespace Catwalk.Runs.Recommendation;

/// <summary>A per-video metric that counts towards automatic quality (names as in Catwalk.Quality's MetricDefinitions).</summary>
public enum QualityMeasure
{
    IdentityMean,
    FullBodyShare,
    GarmentDeltaE,
    GarmentHistIntersection,
    FirstFrameSsim,
    TemporalFlickerScore,
    FrozenFraction,
    DurationError,
}
