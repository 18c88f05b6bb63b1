using Catwalk.Pipelines;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>The end-of-run table: one row per model with its status, duration, latency split, cost and file.</summary>
internal static class SummaryTable
{
    public static void Render(IAnsiConsole console, VideoStageResult videos, string outputRoot)
    {
        var table = new Table().RoundedBorder().Title("[bold]Videos[/]");
        table.AddColumns("Model", "Status", "Duration", "Latency (queue / run / download)", "Cost", "File");
        foreach (var o in videos.Outcomes)
        {
            var duration = o.Planned.Fitted.Duration;
            var durationText = duration.Adjusted ? $"{duration.Seconds}s (asked {duration.RequestedSeconds}s)" : $"{duration.Seconds}s";
            if (o.Status == JobOutcomeStatus.Succeeded && o.Metadata is { } m)
            {
                var latency = $"{m.Latency.TotalSec:0.0}s ({m.Latency.QueueWaitSec:0.0} / {m.Latency.InferenceSec:0.0} / {m.Latency.DownloadSec:0.00})";
                table.AddRow(Markup.Escape(o.ModelKey), "[green]ok[/]", durationText, latency, Money.Format(o.Response?.Cost), Markup.Escape(Path.GetRelativePath(outputRoot, o.Video!.FullPath)));
            }
            else
            {
                var status = o.Status switch
                {
                    JobOutcomeStatus.Cancelled => "[yellow]cancelled[/]",
                    JobOutcomeStatus.Unknown => "[yellow]unknown — may have been billed[/]",
                    _ => "[red]failed[/]",
                };
                var why = Markup.Escape(o.Error ?? "") + (o.RequestId is { } id ? $" [grey](request {Markup.Escape(id)})[/]" : "");
                table.AddRow(Markup.Escape(o.ModelKey), status, durationText, "–", "–", why);
            }
        }
        console.Write(table);
        var spent = videos.Succeeded.Sum(o => o.Response?.Cost?.Usd ?? 0);
        var ok = videos.Succeeded.Count();
        console.MarkupLine($"{ok} of {videos.Outcomes.Count} videos saved under {Markup.Escape(outputRoot)}; estimated cost {Money.Format(spent)}.");
        foreach (var failed in videos.Failed)
            console.MarkupLine($"[red]{Markup.Escape(failed.ModelKey)}[/]: {Markup.Escape(failed.Error ?? failed.Status.ToString())}");
    }

    public static void RenderImage(IAnsiConsole console, ImageStageResult image, string outputRoot)
    {
        var m = image.Metadata;
        foreach (var saved in image.Images)
            console.MarkupLine($"Image: [bold]{Markup.Escape(Path.GetRelativePath(outputRoot, saved.FullPath))}[/] ({m.Latency.TotalSec:0.0}s, {(image.Cached ? "reused, $0" : Money.Format(m.EstimatedCostUsd ?? 0))})");
    }
}
