using Catwalk.Domain;
using System.Globalization;
using Catwalk.Runs.Reports;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>The per-model comparison: count, success rate, latency min/avg/p50/p95/max, cost.</summary>
internal static class ReportTable
{
    public static void Render(IAnsiConsole console, RunReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Stage", "Model", "Jobs", "OK", "Failed", "Success", "Latency min", "avg", "p50", "p95", "max", "Cost", "$/video s");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var m in report.Models)
        {
            var l = m.Latency;
            table.AddRow(
                m.Stage.Name(), Markup.Escape(m.ModelKey), N(m.Jobs), N(m.Succeeded) + (m.Reused > 0 ? $" [grey]({m.Reused} reused)[/]" : ""),
                (m.Failed > 0 ? $"[red]{m.Failed}[/]" : "0") + (m.NotRun > 0 ? $" [grey](+{m.NotRun} not run)[/]" : "")
                    + (m.Unfinished > 0 ? $" [yellow](+{m.Unfinished} unfinished)[/]" : ""),
                m.SuccessRate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "–",
                S(l?.Min), S(l?.Avg), S(l?.P50), S(l?.P95), S(l?.Max), Money.Format(m.CostUsd),
                m.CostPerVideoSecondUsd is { } c ? Money.Format(c) : "–");
        }
        console.Write(table);
        RenderQuality(console, report);
        RenderBilled(console, report);
        RenderMatrix(console, report);
        console.MarkupLine($"{report.Succeeded} of {report.Jobs} job(s) done, {report.Failed} failed, {(report.NotRun > 0 ? $"{report.NotRun} not run (their input failed or was refused), " : "")}{report.Unfinished} unfinished; cost {Money.Format(report.CostUsd)} (estimate {Money.Format(report.EstimatedCostUsd)}).");
    }

    /// <summary>
    /// Catwalk's estimate against what fal billed, per model, over the jobs whose bill was fetched (<c>report --billed</c>):
    /// account discounts and price changes show up only here.
    /// </summary>
    private static void RenderBilled(IAnsiConsole console, RunReport report)
    {
        var billed = report.Models.Where(m => m.BilledUsd is not null).ToList();
        if (billed.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("Billed by fal (estimate vs billed)")
            .AddColumns("Stage", "Model", "Billed jobs", "Estimate", "Billed", "Difference");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var m in billed)
            table.AddRow(m.Stage.Name(), Markup.Escape(m.ModelKey), N(m.BilledJobs), Money.Format(m.BilledEstimateUsd!.Value), Money.Format(m.BilledUsd!.Value),
                Difference(m.BilledDifferenceUsd!.Value, m.BilledEstimateUsd.Value));
        console.Write(table);
        console.MarkupLine($"Billed by fal: {Money.Format(report.BilledUsd!.Value)} for {N(report.BilledJobs)} job(s), estimate {Money.Format(report.BilledEstimateUsd!.Value)}, difference {Difference(report.BilledDifferenceUsd!.Value, report.BilledEstimateUsd.Value)}.");
    }

    /// <summary>Billed minus estimate, signed, with its share of the estimate: "−$0.21 (−20%)".</summary>
    private static string Difference(decimal difference, decimal estimate)
    {
        var sign = difference < 0 ? "−" : difference > 0 ? "+" : "±";
        var share = estimate == 0 ? "" : $" ({sign}{Math.Abs(difference / estimate).ToString("0.#%", CultureInfo.InvariantCulture)})";
        return $"{sign}{Money.Format(Math.Abs(difference))}{share}";
    }

    /// <summary>Automatic quality per model (docs/quality-metrics.md), when any video was measured.</summary>
    private static void RenderQuality(IAnsiConsole console, RunReport report)
    {
        var measured = report.Models.Where(m => m.Quality is not null).ToList();
        if (measured.Count == 0) return;
        var videos = measured.Where(m => m.Quality!.Measured > 0).ToList(); // image models have fashion metrics only
        var table = new Table().Border(TableBorder.Rounded).Title("Quality (automatic)")
            .AddColumns("Model", "Measured", "1st-frame SSIM ↑", "Last-frame SSIM", "Flicker score ↑", "Motion", "Frozen ↓", "|Duration error| ↓", "Cuts ↓", "Flagged ↓");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var m in videos)
        {
            var q = m.Quality!;
            table.AddRow(Markup.Escape(m.ModelKey), N(q.Measured), F(q.FirstFrameSsim, "0.000"), F(q.LastFrameSsim, "0.000"), F(q.TemporalFlickerScore, "0.0000"),
                F(q.MotionScore, "0.00"), q.FrozenFraction.ToString("P0", CultureInfo.InvariantCulture), F(q.DurationErrorSec, "0.00") + (q.DurationErrorSec is null ? "" : " s"),
                N(q.Cuts), q.Flagged > 0 ? $"[yellow]{q.Flagged}[/]" : "0");
        }
        if (videos.Count > 0) console.Write(table);
        RenderFashion(console, measured.Where(m => m.Quality!.FashionMeasured > 0).ToList());
    }

    /// <summary>Identity, full body and garment colour per model, when any video had fashion metrics.</summary>
    private static void RenderFashion(IAnsiConsole console, IReadOnlyList<Runs.Reports.ModelReport> models)
    {
        if (models.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("Fashion (identity, full body, outfit colour)")
            .AddColumns("Model", "Measured", "Identity ↑", "Full body ↑", "Garment ΔE ↓", "Flagged ↓");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var m in models)
        {
            var q = m.Quality!;
            table.AddRow(Markup.Escape(m.ModelKey), N(q.FashionMeasured), F(q.IdentityMean, "0.00"), q.FullBodyShare is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "–",
                F(q.GarmentDeltaE, "0.0"), q.FashionFlagged > 0 ? $"[yellow]{q.FashionFlagged}[/]" : "0");
        }
        console.Write(table);
    }

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string S(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "s" : "–";

    /// <summary>Image model × video model (latency p50 and cost of the videos), when the runs compared image models.</summary>
    private static void RenderMatrix(IAnsiConsole console, RunReport report)
    {
        if (report.Matrix.Count == 0) return;
        var videoModels = report.Matrix.Select(c => c.VideoModel).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("Image × video model (p50, cost)").AddColumn("Image model");
        foreach (var model in videoModels) table.AddColumn(new TableColumn(Markup.Escape(model)).RightAligned());
        foreach (var row in report.Matrix.GroupBy(c => c.ImageModel))
            table.AddRow([Markup.Escape(row.Key), .. videoModels.Select(v => row.FirstOrDefault(c => c.VideoModel == v) is { } c
                ? $"{(c.Latency is { } l ? S(l.P50) : "–")} · {Money.Format(c.CostUsd)}{(c.Succeeded < c.Jobs ? $" [yellow]({c.Succeeded}/{c.Jobs})[/]" : "")}" : "–")]);
        console.Write(table);
    }
}
