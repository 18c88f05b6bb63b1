using Catwalk.Runs.Reports;
using Catwalk.Runs.Sharing;
using Catwalk.Store;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// The charts' traces, built on the server from the filtered jobs' report and latency timeline (aggregated by the database).
/// Each model keeps its <see cref="ModelPalette"/> colour on every chart: a bar per model is coloured as its model, a
/// trace per model too.
/// </summary>
public static class ChartTraces
{
    /// <summary>The colours of bars with models on x, in their order.</summary>
    internal static Plotly.Blazor.Traces.BarLib.Marker ModelBars(IEnumerable<string> models, Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern? pattern = null) =>
        new() { ColorArray = [.. models.Select(m => (object)ModelPalette.Default.Of(m))], Pattern = pattern };

    public static IList<ITrace> AverageLatency(RunReport report)
    {
        var models = report.Models.Where(m => m.Latency is not null).ToList();
        return [new Bar { Name = "avg latency (s)", X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)m.Latency!.Avg)], Marker = ModelBars(models.Select(m => m.ModelKey)) }];
    }

    /// <summary>
    /// A box per model from its report's latency: quartiles for the box, min and max for the whiskers, the mean marked —
    /// computed by the database over every timed job, so no job is sent to the browser for it.
    /// </summary>
    public static IList<ITrace> LatencyDistribution(RunReport report) =>
        [.. report.Models.Where(m => m.Latency is not null).OrderBy(m => m.ModelKey, StringComparer.Ordinal)
            .Select(m => (ITrace)new Box
            {
                Name = m.ModelKey, X = [m.ModelKey], BoxMean = Plotly.Blazor.Traces.BoxLib.BoxMeanEnum.True,
                Q1 = [m.Latency!.P25], Median = [m.Latency.P50], Q3 = [m.Latency.P75], LowerFence = [m.Latency.Min], UpperFence = [m.Latency.Max], Mean = [m.Latency.Avg],
                Marker = new Plotly.Blazor.Traces.BoxLib.Marker { Color = ModelPalette.Default.Of(m.ModelKey) }, Line = new Plotly.Blazor.Traces.BoxLib.Line { Color = ModelPalette.Default.Of(m.ModelKey) },
            })];

    /// <summary>Each timed job as a marker; or, binned, per model the mean of each span with its fastest and slowest as the error bar.</summary>
    public static IList<ITrace> Timeline(LatencyTimeline timeline)
    {
        if (!timeline.Binned)
            return [.. timeline.Points.GroupBy(j => j.ModelKey).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (ITrace)new Scatter
                {
                    Name = g.Key,
                    Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                    X = [.. g.Select(j => (object)DateTimeOffset.FromUnixTimeMilliseconds(j.CreatedAt).UtcDateTime)],
                    Y = [.. g.Select(j => (object)j.LatencySec!.Value)],
                    Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = ModelPalette.Default.Of(g.Key) },
                })];
        var start = timeline.Start;
        var width = timeline.BinWidth.TotalMilliseconds;
        DateTime Middle(LatencyBin bin) => DateTimeOffset.FromUnixTimeMilliseconds(start + (long)((bin.Bucket + 0.5) * width)).UtcDateTime;
        return [.. timeline.Bins.GroupBy(b => b.ModelKey).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (ITrace)new Scatter
            {
                Name = g.Key,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = [.. g.Select(b => (object)Middle(b))],
                Y = [.. g.Select(b => (object)Math.Round(b.Mean, 3))],
                HoverTextArray = [.. g.Select(b => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{b.ModelKey}: {b.Count} job(s), mean {b.Mean:0.0} s (fastest {b.Min:0.0}, slowest {b.Max:0.0}), made {DateTimeOffset.FromUnixTimeMilliseconds(b.FirstAt):yyyy-MM-dd HH:mm}–{DateTimeOffset.FromUnixTimeMilliseconds(b.LastAt):HH:mm} UTC"))],
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text,
                ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false, Thickness = 1,
                    Array = [.. g.Select(b => (object)Math.Round(b.Max - b.Mean, 3))],
                    ArrayMinus = [.. g.Select(b => (object)Math.Round(b.Mean - b.Min, 3))],
                },
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = ModelPalette.Default.Of(g.Key) },
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ModelPalette.Default.Of(g.Key) },
            })];
    }

    public static IList<ITrace> Cost(RunReport report)
    {
        var models = report.Models;
        var perSecond = models.Where(m => m.CostPerVideoSecondUsd is not null).ToList();
        return
        [
            // The model's colour twice: spend solid, $ per video second hatched, so the legend still tells the two apart.
            new Bar { Name = "spend ($)", X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)m.CostUsd)], Marker = ModelBars(models.Select(m => m.ModelKey)) },
            new Bar
            {
                Name = "$ per video second", X = [.. perSecond.Select(m => (object)m.ModelKey)], Y = [.. perSecond.Select(m => (object)m.CostPerVideoSecondUsd!.Value)],
                Marker = ModelBars(perSecond.Select(m => m.ModelKey), new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern { Shape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash }),
            },
        ];
    }

    public static IList<ITrace> LatencySplit(RunReport report)
    {
        var models = report.Models.Where(m => m.Latency is not null).ToList();
        Bar Part(string name, Func<ModelReport, double?> value) =>
            new() { Name = name, X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)(value(m) ?? 0))] };
        return [Part("queue", m => m.AvgQueueSec), Part("inference", m => m.AvgInferenceSec), Part("download", m => m.AvgDownloadSec)];
    }
}

/// <summary>The preference and quality charts.</summary>
public static class PreferenceTraces
{
    /// <summary>One point per model: x cost per <paramref name="unit"/> (a video second, or an image), y quality, colour its model's, size its latency; the Pareto front and the dominated models as two traces.</summary>
    public static IList<ITrace> Pareto(IReadOnlyList<Catwalk.Runs.Preference.ParetoPoint> points, IReadOnlySet<string> front, string unit = "s")
    {
        var maxLatency = points.Count == 0 ? 1 : Math.Max(points.Max(p => p.LatencySec), 1e-9);
        Scatter Trace(string name, IEnumerable<Catwalk.Runs.Preference.ParetoPoint> selected, Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum symbol)
        {
            var list = selected.ToList();
            return new Scatter
            {
                Name = name,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Text,
                X = [.. list.Select(p => (object)p.CostUsd)],
                Y = [.. list.Select(p => (object)p.Quality)],
                TextArray = [.. list.Select(p => p.Model)],
                TextPosition = Plotly.Blazor.Traces.ScatterLib.TextPositionEnum.TopCenter,
                HoverTextArray = [.. list.Select(p => $"{p.Model}: quality {p.Quality:0.###}, ${p.CostUsd:0.####}/{unit}, latency {p.LatencySec:0.#} s")],
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
                {
                    Symbol = symbol,
                    SizeArray = [.. list.Select(p => (decimal?)(decimal)(12 + 24 * p.LatencySec / maxLatency))],
                    ColorArray = [.. list.Select(p => (object)ModelPalette.Default.Of(p.Model))],
                },
            };
        }
        return
        [
            Trace("Pareto front", points.Where(p => front.Contains(p.Model)), Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Star),
            Trace("dominated", points.Where(p => !front.Contains(p.Model)), Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle),
        ];
    }

    public static IList<ITrace> Quality(RunReport report, QualityMetric metric)
    {
        var models = report.Models.Where(m => m.Quality is { } q && metric.Value(q) is not null).ToList();
        return [new Bar { Name = metric.Label, X = [.. models.Select(m => (object)m.ModelKey)], Y = [.. models.Select(m => (object)metric.Value(m.Quality!)!.Value)], Marker = ChartTraces.ModelBars(models.Select(m => m.ModelKey)) }];
    }

    public static IList<ITrace> Ratings(Catwalk.Runs.Preference.PreferenceRanking ranking) =>
    [
        new Scatter
        {
            Name = "rating (95% interval)",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Size = 12, ColorArray = [.. ranking.Ratings.Select(r => (object)ModelPalette.Default.Of(r.Model))] },
            X = [.. ranking.Ratings.Select(r => (object)r.Model)],
            Y = [.. ranking.Ratings.Select(r => (object)r.Rating)],
            ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
            {
                Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false,
                Array = [.. ranking.Ratings.Select(r => (object)(r.Upper - r.Rating))],
                ArrayMinus = [.. ranking.Ratings.Select(r => (object)(r.Rating - r.Lower))],
            },
        },
    ];
}
