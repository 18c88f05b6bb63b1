using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Store;

namespace Catwalk.Runs.Reports;

/// <summary>A model's automatic quality over its measured videos: means of the key metrics, and how many were flagged.</summary>
public sealed record ModelQuality
{
    public int Measured { get; init; }
    public double? FirstFrameSsim { get; init; }
    public double? LastFrameSsim { get; init; }
    public double TemporalFlickerScore { get; init; }
    public double? MotionScore { get; init; }
    public double FrozenFraction { get; init; }
    public double? DurationErrorSec { get; init; }
    public int Cuts { get; init; }
    /// <summary>Videos with at least one flag (near-still, frozen, black, cut, flicker, spec mismatch, and the fashion flags).</summary>
    public int Flagged { get; init; }
    /// <summary>Videos with fashion metrics, and their means: identity to the face reference, full-body share, garment ΔE2000.</summary>
    public int FashionMeasured { get; init; }
    public double? IdentityMean { get; init; }
    public double? FullBodyShare { get; init; }
    public double? GarmentDeltaE { get; init; }
    /// <summary>Videos with a fashion flag (face changed or lost or drifting, feet cut off, colour changed).</summary>
    public int FashionFlagged { get; init; }

    public static ModelQuality? Of(IEnumerable<JobRecord> jobs)
    {
        var list = jobs.ToList();
        var measured = list.Select(j => MetricsJson.Deserialize(j.MetricsJson)).OfType<VideoMetrics>().ToList();
        if (measured.Count == 0) return ImageFashion(list);
        return new ModelQuality
        {
            Measured = measured.Count,
            FirstFrameSsim = Mean(measured.Select(m => m.FirstFrameSsim)),
            LastFrameSsim = Mean(measured.Select(m => m.LastFrameSsim)),
            TemporalFlickerScore = Math.Round(measured.Average(m => m.TemporalFlickerScore), 4),
            MotionScore = Mean(measured.Select(m => m.MotionScore)),
            FrozenFraction = Math.Round(measured.Average(m => m.FrozenFraction), 3),
            DurationErrorSec = Mean(measured.Select(m => m.DurationErrorSec is { } e ? Math.Abs(e) : (double?)null)),
            Cuts = measured.Sum(m => m.Cuts),
            Flagged = measured.Count(m => m.Flags.Count > 0),
            FashionMeasured = measured.Count(m => m.Fashion is { FramesSampled: > 0 }),
            IdentityMean = Mean(measured.Select(m => m.Fashion?.IdentityMean)),
            FullBodyShare = Mean(measured.Select(m => m.Fashion?.FramesSampled > 0 ? m.Fashion.FullBodyShare : null)),
            GarmentDeltaE = Mean(measured.Select(m => m.Fashion?.GarmentDeltaE)),
            FashionFlagged = measured.Count(m => m.Fashion is { Flags.Count: > 0 }),
        };
    }

    /// <summary>An image model's quality: its generated images' fashion metrics (they have no pixel metrics); null when none were measured.</summary>
    private static ModelQuality? ImageFashion(List<JobRecord> jobs)
    {
        var images = jobs.Where(j => j.Stage == StageKind.Image).Select(j => MetricsJson.DeserializeFashion(j.MetricsJson)).OfType<FashionMetrics>().Where(f => f.FramesSampled > 0).ToList();
        if (images.Count == 0) return null;
        return new ModelQuality
        {
            FashionMeasured = images.Count,
            IdentityMean = Mean(images.Select(f => f.IdentityMean)),
            FullBodyShare = Mean(images.Select(f => f.FullBodyShare)),
            GarmentDeltaE = Mean(images.Select(f => f.GarmentDeltaE)),
            FashionFlagged = images.Count(f => f.Flags.Count > 0),
        };
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.OfType<double>().ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 4);
    }
}
