using System.Globalization;
using System.Text.Json;
using Catwalk.Cli.Infrastructure;
using Catwalk.Quality;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk metrics</c>: one video's automatic quality metrics (docs/quality-metrics.md).</summary>
internal sealed class MetricsCommand(IAnsiConsole console) : AsyncCommand<MetricsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, MetricsSettings settings, CancellationToken cancellationToken)
    {
        var metrics = await VideoMetricsAnalyzer.AnalyzeAsync(settings.Video, settings.Image,
            settings.Duration is { } d ? new VideoExpectation { DurationSec = d } : null, cancellationToken);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(metrics, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true }));
            return ExitCodes.Success;
        }
        var values = JsonSerializer.SerializeToElement(metrics, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Value", "Range", "Better");
        console.MarkupLine($"{Markup.Escape(settings.Video)}: {metrics.DurationSec.ToString("0.##", CultureInfo.InvariantCulture)} s, {metrics.Width}×{metrics.Height}, {metrics.Fps:0.##} fps, {metrics.Codec}{(metrics.HasAudio ? ", with sound" : "")}");
        foreach (var definition in MetricDefinitions.All)
            if (values.TryGetProperty(definition.Name, out var value) && value.ValueKind != JsonValueKind.Null)
                table.AddRow(definition.Name, Markup.Escape(value.ToString()), Markup.Escape(definition.Range), definition.HigherIsBetter switch { true => "higher", false => "lower", null => "–" });
        console.Write(table);
        foreach (var flag in metrics.Flags) console.MarkupLine($"[yellow]flag:[/] {Markup.Escape(flag)}");
        return ExitCodes.Success;
    }
}
