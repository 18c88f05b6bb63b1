using System.Collections;

namespace Catwalk.Runs.Reports;

/// <summary>
/// A sorted list of <see cref="Count"/> values of which only some ranks are known (those a percentile reads), so
/// <see cref="LatencyStats.Percentile"/> runs unchanged over what the store returned; reading another rank is a bug.
/// </summary>
internal sealed class RankedValues(int count, IReadOnlyDictionary<int, double> known) : IReadOnlyList<double>
{
    public int Count => count;

    public double this[int index] => known.TryGetValue(index, out var value)
        ? value
        : throw new InvalidOperationException($"Rank {index} of {count} was not read from the store.");

    public IEnumerator<double> GetEnumerator() => throw new NotSupportedException("Only the known ranks can be read.");
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
