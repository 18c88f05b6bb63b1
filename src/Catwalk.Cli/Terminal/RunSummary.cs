using Catwalk.Runs;
using Catwalk.Runs.Gate;
using Catwalk.Runs.Reports;
using Catwalk.Store;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>The end of a run or resume: the per-model table, what it cost, and what to do about what is left.</summary>
internal static class RunSummary
{
    /// <param name="table">The per-model table: for batches and resumes (a single run already printed its own).</param>
    public static void Render(IAnsiConsole console, RunOutcome outcome, TimeProvider time, bool table = true)
    {
        var id = outcome.Run.Id;
        if (table) ReportTable.Render(console, ReportBuilder.Build(outcome.Jobs, [id], time.GetUtcNow()));
        console.MarkupLine($"Run [bold]{id}[/]: {outcome.Run.Status.Name()}; files under {Markup.Escape(outcome.Run.OutputRoot)}"
            + (outcome.Reused > 0 ? $"; {outcome.Reused} result(s) reused from earlier jobs at no cost" : "") + ".");
        ImageGateSummary.Render(console, outcome);
        foreach (var job in outcome.Jobs.Where(j => j.State is JobState.Failed or JobState.Unknown && j.Error?.StartsWith(GateRule.ErrorPrefix, StringComparison.Ordinal) != true).Take(20))
            console.MarkupLine($"  [red]{Markup.Escape(job.ModelKey)}[/] {Markup.Escape(job.InputKey)}: {Markup.Escape(job.Error ?? job.State.ToString())}");
        if (outcome.Unfinished > 0)
            console.MarkupLine($"[yellow]{outcome.Unfinished} job(s) not finished[/]: `catwalk resume {id}` collects what fal already has (by request id) and sends only what it never got.");
        if (outcome.FailedJobs - outcome.RefusedByGate > 0)
            console.MarkupLine($"{outcome.FailedJobs - outcome.RefusedByGate} failed: `catwalk resume {id} --retry-failed` sends them again.");
        if (outcome.UnknownJobs > 0)
            console.MarkupLine($"[yellow]{outcome.UnknownJobs} may have reached fal[/] without an answer (not sent again, maybe billed): `catwalk resume {id} --resubmit-unknown` sends them again.");
    }

    public static int ExitCode(RunOutcome outcome) =>
        outcome.Interrupted ? Infrastructure.ExitCodes.Cancelled
        : outcome.Jobs.All(j => j.State == JobState.Downloaded) ? Infrastructure.ExitCodes.Success
        : Infrastructure.ExitCodes.PartialFailure;
}
