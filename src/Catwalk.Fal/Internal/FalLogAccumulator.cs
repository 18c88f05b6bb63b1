namespace Catwalk.Fal.Internal;

/// <summary>
/// Keeps every log line of one job once, in order. fal's polled status carries all lines so far, while a stream
/// event may carry only the new ones (fal's JS client accumulates for that reason); both shapes end up cumulative,
/// so a progress consumer can always skip the lines it has already shown.
/// </summary>
internal sealed class FalLogAccumulator
{
    private readonly List<FalLogEntry> _logs = [];

    public IReadOnlyList<FalLogEntry> Add(IReadOnlyList<FalLogEntry> incoming)
    {
        if (incoming.Count >= _logs.Count && _logs.SequenceEqual(incoming.Take(_logs.Count)))
        {
            _logs.Clear();
            _logs.AddRange(incoming); // cumulative: it repeats what we have and adds the rest
        }
        else
        {
            _logs.AddRange(incoming.Skip(Overlap(incoming))); // new lines only, possibly starting with our last few
        }
        return [.. _logs];
    }

    /// <summary>How many leading lines of <paramref name="incoming"/> are already the tail of what we have.</summary>
    private int Overlap(IReadOnlyList<FalLogEntry> incoming)
    {
        for (var k = Math.Min(_logs.Count, incoming.Count); k > 0; k--)
            if (_logs.Skip(_logs.Count - k).SequenceEqual(incoming.Take(k))) return k;
        return 0;
    }
}
