namespace Catwalk.Quality.Fashion;

/// <summary>
/// A clothing region's colours: its CIELAB histogram (shares of pixels per bin) and its dominant colours (weighted
/// k-means over the bins' mean colours). Garment fidelity compares a frame's with the outfit references'.
/// </summary>
internal sealed class ColourDistribution
{
    private const int Clusters = 3;
    private const double MinClusterWeight = 0.05;

    private ColourDistribution(Dictionary<int, double> shares, List<(CieLab Colour, double Weight)> bins)
    {
        Shares = shares;
        Dominant = DominantColours(bins);
    }

    public IReadOnlyDictionary<int, double> Shares { get; }
    public IReadOnlyList<(CieLab Colour, double Weight)> Dominant { get; }

    public static ColourDistribution? From(ColourReading? reading)
    {
        if (reading is null || reading.Bins.Length == 0) return null;
        var total = reading.Bins.Sum(b => b[1]);
        return new ColourDistribution(
            reading.Bins.ToDictionary(b => (int)b[0], b => b[1] / total),
            [.. reading.Bins.Select(b => (new CieLab(b[2], b[3], b[4]), b[1] / total))]);
    }

    /// <summary>Several garment pictures as one outfit: each weighs the same, whatever its size.</summary>
    public static ColourDistribution? Merge(IReadOnlyList<ColourReading> readings)
    {
        var parts = readings.Where(r => r.Bins.Length > 0).ToList();
        if (parts.Count == 0) return null;
        var shares = new Dictionary<int, double>();
        var bins = new List<(CieLab, double)>();
        foreach (var part in parts)
        {
            var total = part.Bins.Sum(b => b[1]);
            foreach (var b in part.Bins)
            {
                var w = b[1] / total / parts.Count;
                shares[(int)b[0]] = shares.GetValueOrDefault((int)b[0]) + w;
                bins.Add((new CieLab(b[2], b[3], b[4]), w));
            }
        }
        return new ColourDistribution(shares, bins);
    }

    /// <summary>Histogram intersection: the share of colour the two have in common (1 = the same distribution).</summary>
    public double Intersection(ColourDistribution other) => Shares.Sum(s => Math.Min(s.Value, other.Shares.GetValueOrDefault(s.Key)));

    /// <summary>Mean ΔE2000 from each of this (reference) distribution's dominant colours to the nearest one of <paramref name="frame"/>, weighted by share.</summary>
    public double DeltaE(ColourDistribution frame) =>
        Dominant.Sum(d => d.Weight * frame.Dominant.Min(f => d.Colour.DeltaE2000(f.Colour))) / Dominant.Sum(d => d.Weight);

    private static List<(CieLab, double)> DominantColours(List<(CieLab Colour, double Weight)> bins)
    {
        // Start from the heaviest bins (deterministic), then a few Lloyd iterations in Lab.
        var centres = bins.OrderByDescending(b => b.Weight).Take(Clusters).Select(b => b.Colour).ToArray();
        var weights = new double[centres.Length];
        for (var iteration = 0; iteration < 10; iteration++)
        {
            var sums = new (double L, double A, double B, double W)[centres.Length];
            foreach (var (colour, weight) in bins)
            {
                var nearest = 0;
                for (var c = 1; c < centres.Length; c++)
                    if (Distance(colour, centres[c]) < Distance(colour, centres[nearest])) nearest = c;
                sums[nearest] = (sums[nearest].L + colour.L * weight, sums[nearest].A + colour.A * weight, sums[nearest].B + colour.B * weight, sums[nearest].W + weight);
            }
            for (var c = 0; c < centres.Length; c++)
            {
                weights[c] = sums[c].W;
                if (sums[c].W > 0) centres[c] = new CieLab(sums[c].L / sums[c].W, sums[c].A / sums[c].W, sums[c].B / sums[c].W);
            }
        }
        var kept = centres.Zip(weights).Where(p => p.Second >= MinClusterWeight).ToList();
        var sum = kept.Sum(p => p.Second);
        return [.. kept.Select(p => (p.First, p.Second / sum))];
    }

    private static double Distance(CieLab x, CieLab y) => (x.L - y.L) * (x.L - y.L) + (x.A - y.A) * (x.A - y.A) + (x.B - y.B) * (x.B - y.B);
}
