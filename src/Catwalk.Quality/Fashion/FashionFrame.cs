namespace Catwalk.Quality.Fashion;

/// <summary>
/// One sampled frame's verdicts (null: not measurable there), for the frame strip and the lowest-identity mark. Every
/// position is in the pixels of the picture the worker measured, <see cref="Width"/> × <see cref="Height"/>: a video's
/// sampled frame (shrunk to <see cref="SampledFrames.MaxSide"/>), or a generated image at its own size. Rows stored
/// before the size, keypoints and garment region were kept have 0 and nulls there.
/// </summary>
public sealed record FashionFrame
{
    public required double TimeSec { get; init; }
    /// <summary>The measured picture's size; 0 in rows stored before it was kept (<see cref="SampledFrames.Size"/> recovers it).</summary>
    public int Width { get; init; }
    public int Height { get; init; }
    public bool FaceFound { get; init; }
    public double? Identity { get; init; }
    /// <summary>The face box [x, y, w, h] in the sampled frame's pixels.</summary>
    public IReadOnlyList<double>? FaceBox { get; init; }
    public bool FullBody { get; init; }
    /// <summary>MoveNet's keypoints by name ("nose", "leftAnkle", …): [x, y, score]; null when no pose was found.</summary>
    public IReadOnlyDictionary<string, double[]>? Keypoints { get; init; }
    public double? GarmentDeltaE { get; init; }
    public double? GarmentHistIntersection { get; init; }
    /// <summary>The clothing region the garment colours were taken from: its box [x, y, w, h] and a coarse outline (flat x, y list).</summary>
    public IReadOnlyList<double>? GarmentBox { get; init; }
    public IReadOnlyList<double>? GarmentOutline { get; init; }
}
