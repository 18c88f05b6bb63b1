namespace Catwalk.Quality.Fashion;

/// <summary>One sampled frame's verdicts (null: not measurable there), for the frame strip and the lowest-identity mark.</summary>
public sealed record FashionFrame
{
    public required double TimeSec { get; init; }
    public bool FaceFound { get; init; }
    public double? Identity { get; init; }
    /// <summary>The face box [x, y, w, h] in the sampled frame's pixels.</summary>
    public IReadOnlyList<double>? FaceBox { get; init; }
    public bool FullBody { get; init; }
    public double? GarmentDeltaE { get; init; }
    public double? GarmentHistIntersection { get; init; }
}
