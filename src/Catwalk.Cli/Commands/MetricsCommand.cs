using System.Globalization;
using System.Text.Json;
using Catwalk.Cli.Infrastructure;
using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk metrics</c>: one video's automatic quality metrics (docs/quality-metrics.md).</summary>
internal sealed class MetricsCommand(IAnsiConsole console, StoreOpener stores) : AsyncCommand<MetricsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MetricsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Video is null) return await MeasureStoredAsync(settings, cancellationToken);
        var references = new FashionReferences(settings.Face, null, settings.Outfits);
        var metrics = await VideoMetricsAnalyzer.AnalyzeAsync(settings.Video!, settings.Image,
            settings.Duration is { } d ? new VideoExpectation { DurationSec = d } : null,
            references.IsEmpty ? null : new FashionOptions(references, settings.MetricFrames), cancellationToken);
        // Skipped for want of Node.js: one line on stderr saying how to get them; the pixel metrics stand.
        if (metrics.Fashion is { FramesSampled: 0, Notes: [var reason, ..] }) await Console.Error.WriteLineAsync(reason);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(metrics, new JsonSerializerOptions(MetricsJson.Options) { WriteIndented = true }));
            return ExitCodes.Success;
        }
        var values = JsonSerializer.SerializeToElement(metrics, MetricsJson.Options);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Value", "Range", "Better");
        console.MarkupLine($"{Markup.Escape(settings.Video!)}: {metrics.DurationSec.ToString("0.##", CultureInfo.InvariantCulture)} s, {metrics.Width}×{metrics.Height}, {metrics.Fps:0.##} fps, {metrics.Codec}{(metrics.HasAudio ? ", with sound" : "")}");
        foreach (var definition in MetricDefinitions.All)
            if (values.TryGetProperty(definition.Name, out var value) && value.ValueKind != JsonValueKind.Null)
                table.AddRow(definition.Name, Markup.Escape(value.ToString()), Markup.Escape(definition.Range), definition.HigherIsBetter switch { true => "higher", false => "lower", null => "–" });
        if (values.TryGetProperty("fashion", out var fashion) && fashion.ValueKind == JsonValueKind.Object)
            foreach (var definition in MetricDefinitions.All.Where(m => m.Group == "fashion"))
                if (fashion.TryGetProperty(definition.Name, out var value) && value.ValueKind != JsonValueKind.Null)
                    table.AddRow(definition.Name, Markup.Escape(value.ToString()), Markup.Escape(definition.Range), definition.HigherIsBetter switch { true => "higher", false => "lower", null => "–" });
        console.Write(table);
        foreach (var note in metrics.Fashion?.Notes ?? []) console.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
        foreach (var flag in metrics.Flags) console.MarkupLine($"[yellow]flag:[/] {Markup.Escape(flag)}");
        return ExitCodes.Success;
    }

    /// <summary>Stored videos without metrics (old runs, imports, runs made with --no-metrics), measured and saved; then the per-model table.</summary>
    private async Task<int> MeasureStoredAsync(MetricsSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, cancellationToken);
        var runs = await StoredRuns.SelectAsync(store, settings.RunId, cancellationToken);
        var part = settings.Only ?? MetricsPart.All;
        if (VisionInstall.Find(out var missing) is null) await Console.Error.WriteLineAsync(missing); // pixel metrics still come
        var jobs = new List<(JobRecord Job, RunRecord Run, Runs.Specs.RunSpec? Spec)>();
        foreach (var run in runs)
        {
            // Imported runs have no spec, so no looks: their videos get pixel metrics only.
            var spec = run.SpecJson is null ? null : Runs.RunService.SpecOf(run) with { MetricFrames = settings.MetricFrames };
            jobs.AddRange((await store.GetJobsAsync(run.Id, cancellationToken))
                .Where(j => j.State == JobState.Downloaded && (j.Stage == StageKind.Video || j.Stage == StageKind.Image && spec is { MetricFrames: > 0 })
                            && (settings.Again || (part == MetricsPart.Fashion ? MetricsJson.DeserializeFashion(j.MetricsJson) is null : j.MetricsJson is null)))
                .Select(j => (j, run, spec)));
        }
        int measured = 0, skipped = 0;
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("measuring videos", maxValue: Math.Max(1, jobs.Count));
            foreach (var (job, run, spec) in jobs)
            {
                if (await MetricsRecorder.MeasureAsync(store, job, run.OutputRoot, cancellationToken, spec, part)) measured++;
                else skipped++;
                task.Increment(1);
            }
        });
        console.MarkupLine($"Measured {measured} video(s){(skipped > 0 ? $"; {skipped} could not be (file missing or unreadable)" : "")}.");
        var all = await StoredRuns.JobsAsync(store, runs, cancellationToken); // again: now with the new metrics
        Terminal.ReportTable.Render(console, Runs.Reports.ReportBuilder.Build(all, [.. runs.Select(r => r.Id)], DateTimeOffset.UtcNow));
        return skipped > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}
