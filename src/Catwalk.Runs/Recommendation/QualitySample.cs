namespace Catwalk.Runs.Recommendation;

/// <summary>One measured video's (or image's) quality measures, as stored.</summary>
public sealed record QualitySample(IReadOnlyDictionary<QualityMeasure, double> Values)
{
    public double? Of(QualityMeasure measure) => Values.TryGetValue(measure, out var v) ? v : null;

    public bool Has(QualityFamily family) => Values.Keys.Any(m => m.Family() == family);

    /// <summary>Mean goodness of this sample's measures of <paramref name="family"/>; null when it has none.</summary>
    public double? Goodness(QualityFamily family)
    {
        var values = Values.Where(p => p.Key.Family() == family).Select(p => p.Key.Goodness(p.Value)).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
