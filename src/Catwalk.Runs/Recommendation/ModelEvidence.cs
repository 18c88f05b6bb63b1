using Catwalk.Domain;

namespace Catwalk.Runs.Recommendation;

/// <summary>Everything measured about one model in one scope, as plain samples the bootstrap can resample.</summary>
public sealed record ModelEvidence
{
    public required string Model { get; init; }
    public StageKind Stage { get; init; } = StageKind.Video;
    public int Succeeded { get; init; }
    /// <summary>Sent (or tried) and ended without a result.</summary>
    public int Failed { get; init; }
    /// <summary>Never sent because of their input (its image failed or the image gate refused it): not held against the model.</summary>
    public int NotRun { get; init; }
    /// <summary>One per job sent for the model (reused results left out: they cost nothing and took no time at fal).</summary>
    public IReadOnlyList<CostSample> Costs { get; init; } = [];
    /// <summary>Seconds from submit to saved file, one per fresh successful job.</summary>
    public IReadOnlyList<double> Latencies { get; init; } = [];
    /// <summary>One per measured video (or image).</summary>
    public IReadOnlyList<QualitySample> Quality { get; init; } = [];

    /// <summary>Mean of a measure over the samples that have it; null when none has.</summary>
    public double? Mean(QualityMeasure measure)
    {
        var values = Quality.Select(q => q.Of(measure)).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
