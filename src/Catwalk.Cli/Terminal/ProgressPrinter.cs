using System.Diagnostics;
using Catwalk.Generation;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>Prints each job's steps as one line each (safe from many jobs at once); fal's log lines only with --verbose.</summary>
internal sealed class ProgressPrinter(IAnsiConsole console, bool verbose) : IProgress<GenerationProgress>
{
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, (GenerationStage, int?)> _last = [];

    public void Report(GenerationProgress value)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var text = value.Stage switch
        {
            GenerationStage.Submitting => "submitting",
            GenerationStage.Queued when value.QueuePosition is { } p => $"queued (position {p}){Id(value)}",
            GenerationStage.Queued => $"queued{Id(value)}",
            GenerationStage.Running => "running",
            _ => "[green]done[/]",
        };
        lock (_gate)
        {
            // Submit, fal's status stream and the pipeline all report; a user needs each change once.
            var changed = !_last.TryGetValue(value.ModelKey, out var last) || last != (value.Stage, value.QueuePosition);
            _last[value.ModelKey] = (value.Stage, value.QueuePosition);
            if (changed) console.MarkupLine($"[grey]{elapsed,6:0.0}s[/] {Markup.Escape(value.ModelKey),-17} {text}");
            if (verbose)
                foreach (var log in value.Logs) console.MarkupLine($"[grey]{"",6}  {Markup.Escape(value.ModelKey),-17} │ {Markup.Escape(log)}[/]");
        }
    }

    private static string Id(GenerationProgress value) => value.RequestId is { } id ? $" [grey]{Markup.Escape(id)}[/]" : "";
}
