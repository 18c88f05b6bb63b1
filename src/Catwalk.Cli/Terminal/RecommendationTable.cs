using System.Globalization;
using Catwalk.Runs.Recommendation;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>Each scope's ranking as a table (values with their 95% intervals), who was left out and why, notes, then the verdicts.</summary>
internal static class RecommendationTable
{
    public static void Render(IAnsiConsole console, RecommendationReport report)
    {
        foreach (var recommendation in report.All) Render(console, recommendation);
    }

    private static void Render(IAnsiConsole console, Recommendation r)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(r.Label))
            .AddColumns("#", "Model", "Score (95%)", "Preference", "Quality", $"$ per {r.Scope.CostUnit}", "Latency p50", "OK / failed");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var m in r.Ranked)
            table.AddRow(N(m.Rank), Markup.Escape(m.Model), $"{F(m.Score, "0.00")} [grey]{I(m.ScoreInterval, "0.00")}[/]",
                Value(m.Of(Criterion.Preference), "0"), Value(m.Of(Criterion.Quality), "0.00"), Value(m.Of(Criterion.Cost), "$0.0000"),
                Value(m.Of(Criterion.Latency), "0.0") + (m.Of(Criterion.Latency).Value is null ? "" : " s"), $"{N(m.Succeeded)} / {N(m.Failed)}");
        console.Write(table);
        var weights = string.Join(", ", r.Weights.Where(w => w.Used > 0).Select(w => $"{w.Criterion.Name()} {F(w.Used, "0.##")}"));
        console.MarkupLine($"[grey]Weights used: {Markup.Escape(weights)}; quality from {(r.QualityFamily is { } f ? (f == QualityFamily.Fashion ? "the fashion metrics" : "the pixel metrics") : $"no measured {(r.Scope.Stage == Catwalk.Domain.StageKind.Image ? "images" : "videos")}")}; {N(r.Votes)} vote(s); intervals from {N(r.Resamples)} seeded resamples.[/]");
        foreach (var excluded in r.Excluded) console.MarkupLine($"[yellow]Excluded[/] {Markup.Escape(excluded.Model)}: {Markup.Escape(excluded.Reason)}.");
        foreach (var note in r.Notes.Concat(r.Ranked.SelectMany(m => m.Notes.Select(n => $"{m.Model}: {n}.")))) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        foreach (var verdict in r.Verdicts) console.MarkupLine($"[bold]{Markup.Escape(verdict)}[/]");
        console.WriteLine();
    }

    private static string Value(CriterionScore c, string format) =>
        c.Value is { } v ? $"{F(v, format)} [grey]{I(c.Interval!, format)}[/]" : "–";

    private static string I(Interval i, string format) => $"{F(i.Lower, format)}–{F(i.Upper, format)}";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
