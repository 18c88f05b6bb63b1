using System.Globalization;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Recommendation;
using Catwalk.Runs.Reports;

namespace Catwalk.Runs.Sharing;

/// <summary>
/// The charts that answer "which model": cost per video second, latency p50/p95, automatic quality and human preference
/// with their intervals, and quality against cost with the Pareto frontier — for the HTML report and the dashboard's
/// overview alike. A chart without data is left out.
/// </summary>
public static class ReportCharts
{
    public static IReadOnlyList<ReportChart> Of(RunReport report, RecommendationReport recommendation, ModelPalette palette)
    {
        var charts = new List<ReportChart>();
        var video = recommendation.Video?.Ranked.OrderBy(m => m.Model, StringComparer.Ordinal).ToList() ?? [];

        var cost = Bars(video, Criterion.Cost);
        if (cost.Count > 0)
            charts.Add(BarChart("chart-cost", "Cost per video second",
                "$ per second of video made, per model (billed where fetched, else estimated), with the 95% interval over its jobs.", cost, palette, "$0.0000",
                ["Model", "$ per video second", "95% interval"]));

        var latency = report.Models.Where(m => m.Stage == StageKind.Video && m.Latency is not null).Select(m => (m.ModelKey, m.Latency!.P50, m.Latency.P95)).ToList();
        if (latency.Count > 0)
        {
            const string title = "Latency p50 and p95";
            var svg = SvgCharts.PairedBars("chart-latency", title, "Seconds from submit to saved video, median and 95th percentile, per model.", latency, "p50", "p95", palette, v => F(v, "0.0") + " s");
            charts.Add(new ReportChart("chart-latency", title, svg, ["Model", "p50 (s)", "p95 (s)"], [.. latency.Select(l => new[] { l.ModelKey, F(l.P50, "0.0"), F(l.P95, "0.0") })]));
        }

        var quality = Bars(video, Criterion.Quality);
        if (quality.Count > 0)
            charts.Add(BarChart("chart-quality", "Automatic quality with 95% intervals",
                $"Mean automatic quality (0–1, higher is better; from the {(recommendation.Video?.QualityFamily == QualityFamily.Fashion ? "fashion" : "pixel")} metrics) per model, with the 95% interval over its measured videos.",
                quality, palette, "0.00", ["Model", "Quality", "95% interval"], dotsOnly: true));

        var preference = Bars(video, Criterion.Preference);
        if (preference.Count > 0)
            charts.Add(BarChart("chart-preference", "Human preference (Bradley–Terry) with 95% intervals",
                "Rating from blind votes (1000 is the average model, +400 is 10:1 odds of being preferred), with the 95% interval over the votes.",
                preference, palette, "0", ["Model", "Rating", "95% interval"], dotsOnly: true));

        var scatter = video.Where(m => m.QualityIndex is not null && m.Of(Criterion.Cost).Value is not null).ToList();
        if (scatter.Count > 0)
        {
            // Two criteria only: latency is held equal, so the frontier is the models no other is both better and cheaper than.
            var front = ParetoFront.NonDominated([.. scatter.Select(m => new ParetoPoint(m.Model, m.QualityIndex!.Value, m.Of(Criterion.Cost).Value!.Value, 0))]);
            var points = scatter.Select(m => new ScatterPoint(m.Model, m.Of(Criterion.Cost).Value!.Value, m.QualityIndex!.Value, front.Contains(m.Model))).ToList();
            const string title = "Quality against cost, with the Pareto frontier";
            var svg = SvgCharts.Scatter("chart-pareto", title,
                "Each model's quality index (0–1) against its $ per video second; the dashed line joins the models no other model beats on both.", points, palette, v => F(v, "$0.000"), v => F(v, "0.00"));
            charts.Add(new ReportChart("chart-pareto", title, svg, ["Model", "$ per video second", "Quality index", "On the frontier"],
                [.. points.Select(p => new[] { p.Model, F(p.Cost, "$0.0000"), F(p.Quality, "0.00"), p.OnFrontier ? "yes" : "no" })]));
        }
        return charts;
    }

    private static List<ChartBar> Bars(IEnumerable<ModelScore> models, Criterion criterion) =>
        [.. models.Where(m => m.Of(criterion).Value is not null).Select(m => { var c = m.Of(criterion); return new ChartBar(m.Model, c.Value!.Value, c.Interval?.Lower, c.Interval?.Upper); })];

    private static ReportChart BarChart(string id, string title, string description, IReadOnlyList<ChartBar> bars, ModelPalette palette, string format, string[] header, bool dotsOnly = false) =>
        new(id, title, SvgCharts.Bars(id, title, description, bars, palette, v => F(v, format), dotsOnly), header,
            [.. bars.Select(b => new[] { b.Model, F(b.Value, format), $"{F(b.Lower ?? b.Value, format)}–{F(b.Upper ?? b.Value, format)}" })]);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
