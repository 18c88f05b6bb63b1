namespace Catwalk.Quality.Fashion;

/// <summary>
/// Does the person still look like the person, the outfit like the outfit, and is the whole body in frame? Measured on
/// sampled frames by the vision worker; each value is null when it could not be computed, with the reason in
/// <see cref="Notes"/>. Names, directions and thresholds: <see cref="MetricDefinitions"/>.
/// </summary>
public sealed record FashionMetrics
{
    public int FramesSampled { get; init; }
    public double? IdentityMean { get; init; }
    public double? IdentityMin { get; init; }
    /// <summary>Identity of the first sampled frame minus the last: positive when the face drifts away.</summary>
    public double? IdentityDrift { get; init; }
    public double? IdentityLowestSec { get; init; }
    public double? FaceFoundShare { get; init; }
    public double? FullBodyShare { get; init; }
    /// <summary>The time of the first sampled frame without the whole body (null when every one has it).</summary>
    public double? FeetLeaveSec { get; init; }
    public double? GarmentDeltaE { get; init; }
    public double? GarmentHistIntersection { get; init; }
    public IReadOnlyList<FashionFrame> Frames { get; init; } = [];
    /// <summary>What is wrong, in words ("face changed", "feet cut off", "colour changed", …).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>Why a value is null or what the numbers rest on.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>CPU seconds the worker spent on this video's frames (references are measured once per process).</summary>
    public double WorkerCpuSec { get; init; }

    /// <summary>Nothing measured: every value null, the reason noted.</summary>
    public static FashionMetrics Skipped(string reason) => new() { Notes = [reason] };
}
