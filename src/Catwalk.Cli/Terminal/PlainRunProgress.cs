using System.Diagnostics;
using Catwalk.Generation;
using Catwalk.Runs.Execution;
using Catwalk.Store;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>Progress as plain lines, one per job change (for logs and pipes, where bars would be noise).</summary>
internal sealed class PlainRunProgress(IAnsiConsole console, bool verbose) : IRunObserver
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly JobPhaseCounts _counts = new();

    public void Started(IReadOnlyList<JobRecord> jobs)
    {
        _counts.Start(jobs);
        var all = _counts.Of(null);
        console.MarkupLine($"[grey]{jobs.Count} job(s): {all[(int)JobPhase.Done]} already done, {all[(int)JobPhase.Queued]} at fal, {all[(int)JobPhase.Waiting]} to send.[/]");
    }

    public void Moved(JobRecord job, JobPhase phase, string? detail)
    {
        if (!_counts.Move(job, phase)) return;
        var text = phase switch
        {
            JobPhase.Queued => "queued" + (detail is { Length: > 0 } d && !d.StartsWith('{') ? $" [grey]{Markup.Escape(d)}[/]" : ""),
            JobPhase.Running => "running",
            JobPhase.Done => "[green]done[/]",
            JobPhase.Failed => $"[red]failed[/]: {Markup.Escape(detail ?? "")}",
            JobPhase.Skipped => $"[yellow]not sent[/]: {Markup.Escape(detail ?? "")}",
            _ => "waiting",
        };
        var all = _counts.Of(null);
        var finished = all[(int)JobPhase.Done] + all[(int)JobPhase.Failed] + all[(int)JobPhase.Skipped];
        console.MarkupLine($"[grey]{Stopwatch.GetElapsedTime(_started).TotalSeconds,6:0.0}s {finished,4}/{all.Sum()}[/] {Markup.Escape(job.ModelKey),-17} {Markup.Escape(job.InputKey)} {text}");
    }

    public void Progress(JobRecord job, GenerationProgress progress)
    {
        if (progress.Stage == GenerationStage.Running) Moved(job, JobPhase.Running, null);
        if (verbose)
            foreach (var log in progress.Logs) console.MarkupLine($"[grey]{"",12} {Markup.Escape(job.ModelKey),-17} │ {Markup.Escape(log)}[/]");
    }
}
