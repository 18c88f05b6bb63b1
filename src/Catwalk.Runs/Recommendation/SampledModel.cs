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
    private readonly int[] _drawn;

    public SampledModel(ModelEvidence model, QualityFamily? family)
    {
        Model = model.Model;
        _quality = family is { } f ? [.. model.Quality.Select(q => q.Goodness(f)).OfType<double>()] : [];
        _usd = [.. model.Costs.Select(c => c.Usd)];
        _units = [.. model.Costs.Select(c => c.Units)];
        _latency = [.. model.Latencies.Order()];
        _drawn = new int[_latency.Length];
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
        if (_latency.Length > 0) latency = random is null ? Percentiles.Of(_latency, 0.5) : ResampledMedian(random);
        return (quality, cost, latency);
    }

    /// <summary>
    /// The median of one resample of the latencies, without sorting it: they are sorted already, so the resample's k-th
    /// smallest value is the latency at its k-th smallest drawn index, found by counting the draws per index (O(n), where
    /// sorting the drawn values was O(n log n) per resample). The same draws, so the same value as sorting them.
    /// </summary>
    private double ResampledMedian(Random random)
    {
        var n = _latency.Length;
        Array.Clear(_drawn);
        for (var i = 0; i < n; i++) _drawn[random.Next(n)]++;
        var position = 0.5 * (n - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, n - 1);
        double lowValue = 0, highValue = 0;
        var seen = 0;
        for (var index = 0; index < n; index++)
        {
            if (_drawn[index] == 0) continue;
            var before = seen;
            seen += _drawn[index];
            if (before <= low && low < seen) lowValue = _latency[index];
            if (before <= high && high < seen) { highValue = _latency[index]; break; }
        }
        return n == 1 ? lowValue : lowValue + (highValue - lowValue) * (position - low);
    }
}
