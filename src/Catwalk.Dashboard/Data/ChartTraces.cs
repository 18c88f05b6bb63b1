using Catwalk.Runs.Reports;
using Catwalk.Store;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Catwalk.Dashboard.Data;

/// <summary>The charts' traces, built on the server from the filtered jobs (fresh, downloaded ones for latency) and their report.</summary>
public static class ChartTraces
{
    public static IList<ITrace> AverageLatency(RunReport report)
    {
        var models = report.Models.Where(m => m.Latency is not null).ToList();
        return [new Bar { Name = "avg latency (s)", X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)m.Latency!.Avg)] }];
    }

    public static IList<ITrace> LatencyDistribution(IReadOnlyList<JobRecord> jobs) =>
        [.. Timed(jobs).GroupBy(j => j.ModelKey).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (ITrace)new Box { Name = g.Key, Y = [.. g.Select(j => (object)j.LatencySec!.Value)] })];

    public static IList<ITrace> Timeline(IReadOnlyList<JobRecord> jobs) =>
        [.. Timed(jobs).GroupBy(j => j.ModelKey).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (ITrace)new Scatter
            {
                Name = g.Key,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = [.. g.Select(j => (object)DateTimeOffset.FromUnixTimeMilliseconds(j.CreatedAt).UtcDateTime)],
                Y = [.. g.Select(j => (object)j.LatencySec!.Value)],
            })];

    public static IList<ITrace> Cost(RunReport report)
    {
        var models = report.Models;
        var perSecond = models.Where(m => m.CostPerVideoSecondUsd is not null).ToList();
        return
        [
            new Bar { Name = "spend ($)", X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)m.CostUsd)] },
            new Bar { Name = "$ per video second", X = [.. perSecond.Select(m => (object)m.ModelKey)], Y = [.. perSecond.Select(m => (object)m.CostPerVideoSecondUsd!.Value)] },
        ];
    }

    public static IList<ITrace> LatencySplit(RunReport report)
    {
        var models = report.Models.Where(m => m.Latency is not null).ToList();
        Bar Part(string name, Func<ModelReport, double?> value) =>
            new() { Name = name, X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)(value(m) ?? 0))] };
        return [Part("queue", m => m.AvgQueueSec), Part("inference", m => m.AvgInferenceSec), Part("download", m => m.AvgDownloadSec)];
    }

    /// <summary>Jobs that made a result themselves (not reused from the cache) and have a latency.</summary>
    private static IEnumerable<JobRecord> Timed(IReadOnlyList<JobRecord> jobs) =>
        jobs.Where(j => j.State == JobState.Downloaded && j.CachedFromJobId is null && j.LatencySec is not null);
}
