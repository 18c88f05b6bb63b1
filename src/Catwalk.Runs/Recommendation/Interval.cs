using System.Text.Json.Serialization;

namespace Catwalk.Runs.Recommendation;

/// <summary>A 95% bootstrap interval: the 2.5th and 97.5th percentiles of the resampled values.</summary>
public sealed record Interval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower - 1e-9 && value <= Upper + 1e-9;

    [JsonIgnore]
    public double Width => Upper - Lower;

    public bool Overlaps(Interval other) => Lower <= other.Upper && other.Lower <= Upper;
}
