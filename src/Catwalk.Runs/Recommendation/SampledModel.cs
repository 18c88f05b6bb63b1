namespace Catwalk.Runs.Recommendation;

/// <summary>
/// One model's samples as flat arrays, measured as they are (the point estimate) or as one bootstrap resample drawn with
/// replacement: the bootstrap draws indices, so a thousand resamples allocate nothing per sample.
/// </summary>
internal sealed class SampledModel
{
    private readonly double[] _quality;
    private readonly double[] _usd;
    private readonly double[] _units;
    private readonly double[] _latency;
    private readonly double[] _scratch;

    public SampledModel(ModelEvidence model, QualityFamily? family)
    {
        Model = model.Model;
        _quality = family is { } f ? [.. model.Quality.Select(q => q.Goodness(f)).OfType<double>()] : [];
        _usd = [.. model.Costs.Select(c => c.Usd)];
        _units = [.. model.Costs.Select(c => c.Units)];
        _latency = [.. model.Latencies.Order()];
        _scratch = new double[_latency.Length];
    }

    public string Model { get; }

    /// <summary>Mean quality, $ per unit and latency p50 (null where there is no data); resampled when <paramref name="random"/> is given.</summary>
    public (double? Quality, double? Cost, double? Latency) Measure(Random? random)
    {
        double? quality = null, cost = null, latency = null;
        if (_quality.Length > 0)
        {
            var sum = 0.0;
            for (var i = 0; i < _quality.Length; i++) sum += _quality[random is null ? i : random.Next(_quality.Length)];
            quality = sum / _quality.Length;
        }
        if (_usd.Length > 0)
        {
            double usd = 0, units = 0;
            for (var i = 0; i < _usd.Length; i++)
            {
                var k = random is null ? i : random.Next(_usd.Length);
                usd += _usd[k];
                units += _units[k];
            }
            cost = units > 0 ? usd / units : null;
        }
        if (_latency.Length > 0)
        {
            var sorted = _latency;
            if (random is not null)
            {
                for (var i = 0; i < _scratch.Length; i++) _scratch[i] = _latency[random.Next(_latency.Length)];
                Array.Sort(_scratch);
                sorted = _scratch;
            }
            latency = Percentiles.Of(sorted, 0.5);
        }
        return (quality, cost, latency);
    }
}
