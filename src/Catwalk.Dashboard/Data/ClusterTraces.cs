using Catwalk.Runs.Queue;
using Plotly.Blazor.Traces;

namespace Catwalk.Dashboard.Data;

/// <summary>The workers page's chart: jobs saved per minute over the monitor's window, every minute shown (empty ones as 0).</summary>
public static class ClusterTraces
{
    /// <summary>Fills <paramref name="bar"/> in place, so a live chart can be redrawn with the same trace.</summary>
    public static void Throughput(Bar bar, ClusterSnapshot snapshot, DateTimeOffset now)
    {
        var counts = snapshot.PerMinute.ToDictionary(m => m.Minute, m => m.Downloaded);
        var last = now.ToUnixTimeMilliseconds() / 60_000 * 60_000;
        var minutes = (int)IClusterMonitor.Window.TotalMinutes;
        var x = new List<object>(minutes);
        var y = new List<object>(minutes);
        for (var i = minutes - 1; i >= 0; i--)
        {
            var minute = last - i * 60_000L;
            x.Add(DateTimeOffset.FromUnixTimeMilliseconds(minute).UtcDateTime);
            y.Add(counts.GetValueOrDefault(minute));
        }
        (bar.X, bar.Y) = (x, y);
    }
}
