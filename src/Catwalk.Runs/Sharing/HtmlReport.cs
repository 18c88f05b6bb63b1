using System.Globalization;
using System.Net;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Runs.Recommendation;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Runs.Sharing;

/// <summary>
/// The report to share: one self-contained HTML file — the recommendation, charts as inline SVG, the per-model tables and
/// frames from each model's video as data URIs. Nothing is fetched (a Content-Security-Policy of <c>default-src 'none'</c>
/// says so to the browser), it reads offline, and follows the reader's light or dark scheme. Written atomically.
/// </summary>
public static class HtmlReport
{
    private const int PosterWidth = 360;
    private const int FrameWidth = 160;
    private static readonly double[] StripAt = [0.1, 0.5, 0.9];

    /// <summary>Writes the report to <paramref name="path"/> through a temporary file beside it, renamed into place when complete.</summary>
    public static async Task WriteFileAsync(ShareReportData data, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false)))
                await WriteAsync(data, writer, cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static async Task WriteAsync(ShareReportData data, TextWriter html, CancellationToken cancellationToken)
    {
        var report = ReportBuilder.Build(data.Jobs, [.. data.Runs.Select(r => r.Id)], data.GeneratedAt);
        var recommendation = RecommendationBuilder.Build(data.Jobs, data.Votes, new RecommendationOptions(), report.Runs, data.GeneratedAt);
        var palette = ModelPalette.Default;

        await html.WriteAsync(Head);
        await html.WriteAsync($"<header><h1>Which model should we pay for?</h1><p class=\"muted\">Catwalk report of {N(data.Runs.Count)} run(s), {N(report.Jobs)} job(s) from {E(data.StoreDescription)}, made {E(data.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC.</p></header>\n");
        if (report.Jobs == 0)
        {
            await html.WriteAsync("<p>No runs yet: <code>catwalk run</code> makes one.</p></body></html>\n");
            return;
        }
        await html.WriteAsync("<section id=\"recommendation\"><h2>Recommendation</h2>\n");
        await html.WriteAsync($"<p class=\"muted\">Weights {E(recommendation.Weights)} (the default; <code>catwalk recommend --weights …</code> for others). Scores are 0–1 (1 best), each with its 95% bootstrap interval; how they are made: docs/recommendation.md.</p>\n");
        foreach (var r in recommendation.All) await html.WriteAsync(RecommendationHtml(r, palette));
        await html.WriteAsync("</section>\n");

        await html.WriteAsync("<section id=\"charts\"><h2>Charts</h2>\n");
        await html.WriteAsync(Charts(report, recommendation, palette));
        await html.WriteAsync("</section>\n");

        await html.WriteAsync("<section id=\"models\"><h2>Per model</h2>\n");
        await html.WriteAsync(ModelTables(report, palette));
        await html.WriteAsync("</section>\n");

        await html.WriteAsync("<section id=\"frames\"><h2>Frames</h2>\n");
        await WriteFramesAsync(html, data, report, palette, cancellationToken);
        await html.WriteAsync("</section>\n");
        await html.WriteAsync("<footer class=\"muted\">Made by <code>catwalk report --html</code>. Costs are billed amounts where fetched (<code>catwalk report --billed</code>), else Catwalk's estimates.</footer>\n</body></html>\n");
    }

    private static string RecommendationHtml(Recommendation.Recommendation r, ModelPalette palette)
    {
        var id = Slug(r.Label);
        var rows = string.Concat(r.Ranked.Select(m =>
            $"<tr data-model=\"{E(m.Model)}\"><td>{N(m.Rank)}</td><td>{Swatch(m.Model, palette)}</td><td>{F(m.Score, "0.00")} <span class=\"muted\">{I(m.ScoreInterval, "0.00")}</span></td>"
            + $"<td>{Value(m.Of(Criterion.Preference), "0")}</td><td>{Value(m.Of(Criterion.Quality), "0.00")}</td><td>{Value(m.Of(Criterion.Cost), "$0.0000")}</td><td>{Value(m.Of(Criterion.Latency), "0.0")}</td></tr>"));
        var excluded = string.Concat(r.Excluded.Select(e => $"<li>Excluded <b>{E(e.Model)}</b>: {E(e.Reason)}.</li>"));
        var notes = string.Concat(r.Notes.Concat(r.Ranked.SelectMany(m => m.Notes.Select(n => $"{m.Model}: {n}."))).Select(n => $"<li class=\"muted\">{E(n)}</li>"));
        return $"<article class=\"scope\" id=\"rec-{id}\"><h3>{E(r.Label)}</h3><ul class=\"verdicts\">{string.Concat(r.Verdicts.Select(v => $"<li>{E(v)}</li>"))}</ul>"
            + (r.Ranked.Count == 0 ? "" : $"<table><thead><tr><th>#</th><th>Model</th><th>Score (95%)</th><th>Preference</th><th>Quality</th><th>$ per {E(r.Scope.CostUnit)}</th><th>Latency p50 (s)</th></tr></thead><tbody>{rows}</tbody></table>")
            + (excluded.Length + notes.Length > 0 ? $"<ul class=\"notes\">{excluded}{notes}</ul>" : "") + "</article>\n";
    }

    private static string Charts(RunReport report, RecommendationReport recommendation, ModelPalette palette)
    {
        var charts = ReportCharts.Of(report, recommendation, palette);
        var parts = charts.Select(c => Pair(c.Svg, c.Title, [.. c.Header], c.Rows.Select(r => r.ToArray()))).ToList();
        // Without quality or votes there is no quality chart and no scatter (it needs a quality index): say how to get them.
        if (!charts.Any(c => c.Id is "chart-quality" or "chart-preference"))
            parts.Add("<p class=\"muted\">No quality charts: no video was measured and there are no votes (<code>catwalk metrics --all</code> measures the videos; the dashboard's Vote page collects votes).</p>\n");
        return parts.Count == 0 ? "<p>No video was made, so there is nothing to chart.</p>\n" : string.Concat(parts);
    }

    /// <summary>A chart and, beside it, the same numbers as a table (its text alternative).</summary>
    private static string Pair(string svg, string title, string[] header, IEnumerable<string[]> rows) =>
        $"<div class=\"chart-row\"><figure>{svg}<figcaption>{E(title)}</figcaption></figure>{Table(header, rows)}</div>\n";

    private static string ModelTables(RunReport report, ModelPalette palette)
    {
        var main = Table(["Stage", "Model", "Jobs", "OK", "Failed", "Success", "Latency min", "avg", "p50", "p95", "max", "Cost", "$/video s"],
            report.Models.Select(m => new[]
            {
                m.Stage.Name(), m.ModelKey, N(m.Jobs), N(m.Succeeded) + (m.Reused > 0 ? $" ({m.Reused} reused)" : ""), N(m.Failed) + (m.NotRun > 0 ? $" (+{m.NotRun} not run)" : "") + (m.Unfinished > 0 ? $" (+{m.Unfinished} unfinished)" : ""),
                m.SuccessRate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "–", S(m.Latency?.Min), S(m.Latency?.Avg), S(m.Latency?.P50), S(m.Latency?.P95), S(m.Latency?.Max),
                F((double)m.CostUsd, "$0.00##"), m.CostPerVideoSecondUsd is { } c ? F((double)c, "$0.00##") : "–",
            }), palette, modelColumn: 1);
        var parts = new List<string> { $"<h3>Jobs, latency and cost</h3>{main}" };
        var pixel = report.Models.Where(m => m.Quality is { Measured: > 0 }).ToList();
        if (pixel.Count > 0)
            parts.Add("<h3>Quality (automatic)</h3>" + Table(["Model", "Measured", "1st-frame SSIM ↑", "Last-frame SSIM", "Flicker score ↑", "Motion", "Frozen ↓", "|Duration error| ↓", "Cuts ↓", "Flagged ↓"],
                pixel.Select(m => { var q = m.Quality!; return new[] { m.ModelKey, N(q.Measured), O(q.FirstFrameSsim, "0.000"), O(q.LastFrameSsim, "0.000"), F(q.TemporalFlickerScore, "0.0000"), O(q.MotionScore, "0.00"), q.FrozenFraction.ToString("P0", CultureInfo.InvariantCulture), O(q.DurationErrorSec, "0.00"), N(q.Cuts), N(q.Flagged) }; }), palette));
        var fashion = report.Models.Where(m => m.Quality is { FashionMeasured: > 0 }).ToList();
        parts.Add("<h3>Fashion (identity, full body, outfit colour)</h3>" + (fashion.Count == 0
            ? "<p class=\"muted\">Not measured: <code>catwalk metrics --all --only fashion</code> measures identity, full body and garment colour (needs the face and outfit references).</p>"
            : Table(["Stage", "Model", "Measured", "Identity ↑", "Full body ↑", "Garment ΔE ↓", "Flagged ↓"],
                fashion.Select(m => { var q = m.Quality!; return new[] { m.Stage.Name(), m.ModelKey, N(q.FashionMeasured), O(q.IdentityMean, "0.00"), q.FullBodyShare is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "–", O(q.GarmentDeltaE, "0.0"), N(q.FashionFlagged) }; }), palette, modelColumn: 1)));
        return string.Concat(parts) + "\n";
    }

    /// <summary>Per model, its first saved video's poster frame and a strip of frames; per image model, its first image.</summary>
    private static async Task WriteFramesAsync(TextWriter html, ShareReportData data, RunReport report, ModelPalette palette, CancellationToken cancellationToken)
    {
        var roots = data.Runs.ToDictionary(r => r.Id, r => r.OutputRoot, StringComparer.Ordinal);
        var problems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in report.Models)
        {
            var job = data.Jobs.Where(j => j.Stage == model.Stage && j.ModelKey == model.ModelKey && j.State == JobState.Downloaded).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal)
                .FirstOrDefault(j => roots.TryGetValue(j.RunId, out var root) && MediaPath.Resolve(root, j.FilePath) is { } p && File.Exists(p));
            if (job is null) continue;
            var path = MediaPath.Resolve(roots[job.RunId], job.FilePath)!;
            await html.WriteAsync($"<article class=\"frames\" data-model=\"{E(model.ModelKey)}\"><h3>{Swatch(model.ModelKey, palette)} <span class=\"muted\">{E(model.Stage.Name())}, {E(job.InputKey)}</span></h3><div class=\"strip\">");
            var duration = job.DurationSec is > 0 ? job.DurationSec.Value : 0;
            var shots = model.Stage == StageKind.Image || duration == 0
                ? new[] { (At: 0.0, Width: PosterWidth, Label: "image") }
                : [(duration / 3, PosterWidth, "poster"), .. StripAt.Select(f => (duration * f, FrameWidth, $"{F(duration * f, "0.0")} s"))];
            foreach (var (at, width, label) in shots)
            {
                var (jpeg, problem) = await FrameGrabber.JpegAsync(path, at, width, cancellationToken);
                if (jpeg is null) { problems.Add(problem!); continue; }
                await html.WriteAsync($"<figure class=\"shot\"><img width=\"{width}\" alt=\"{E(model.ModelKey)}: {E(label)}\" src=\"data:image/jpeg;base64,");
                await html.WriteAsync(Convert.ToBase64String(jpeg));
                await html.WriteAsync($"\"/><figcaption>{E(label)}</figcaption></figure>");
            }
            await html.WriteAsync("</div></article>\n");
        }
        foreach (var problem in problems) await html.WriteAsync($"<p class=\"muted\">Some frames are missing: {E(problem)}.</p>\n");
    }

    private static string Table(string[] header, IEnumerable<string[]> rows, ModelPalette? palette = null, int modelColumn = 0) =>
        "<table class=\"data\"><thead><tr>" + string.Concat(header.Select(h => $"<th>{E(h)}</th>")) + "</tr></thead><tbody>"
        + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select((cell, i) => $"<td>{(palette is not null && i == modelColumn ? Swatch(cell, palette) : E(cell))}</td>")) + "</tr>")) + "</tbody></table>";

    private static string Swatch(string model, ModelPalette palette) => $"<span class=\"swatch\" style=\"background:{palette.Of(model)}\"></span>{E(model)}";

    private static string Value(CriterionScore c, string format) => c.Value is { } v ? $"{F(v, format)} <span class=\"muted\">{I(c.Interval!, format)}</span>" : "–";

    private static string I(Interval i, string format) => $"{F(i.Lower, format)}–{F(i.Upper, format)}";

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string O(double? value, string format) => value is { } v ? F(v, format) : "–";

    private static string S(double? seconds) => seconds is { } s ? F(s, "0.0") + "s" : "–";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Head = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
        <title>Catwalk report</title>
        <style>
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1c1c21; --muted: #62626c; --line: #dcdce2; --card: #f5f5f8; }
        @media (prefers-color-scheme: dark) { :root { --bg: #131316; --fg: #e9e9ee; --muted: #a1a1ab; --line: #34343c; --card: #1d1d22; } }
        body { background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 36px; } h3 { margin: 18px 0 6px; }
        .muted { color: var(--muted); } code { background: var(--card); padding: 1px 4px; border-radius: 3px; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; } th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; } thead th { background: var(--card); }
        .verdicts li { font-weight: 600; } .notes { font-size: 13px; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
        .chart-row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; } figure { margin: 8px 0; } figcaption { font-size: 13px; color: var(--muted); }
        svg.chart { max-width: 100%; height: auto; background: var(--card); border-radius: 6px; } svg .value, svg .axis { font-size: 11px; fill-opacity: 0.8; }
        .strip { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; } .shot img { display: block; border-radius: 4px; height: auto; }
        @media print { body { max-width: none; } .chart-row, article { break-inside: avoid; } }
        </style></head><body>

        """;
}
