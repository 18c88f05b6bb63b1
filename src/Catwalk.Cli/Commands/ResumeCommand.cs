using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Runs;
using Catwalk.Runs.Reconciliation;
using Catwalk.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk resume</c>: finishes interrupted runs. Jobs fal already has are collected by their request id; only
/// jobs it never got are sent; failed and unknown ones only when asked.
/// </summary>
internal sealed class ResumeCommand(IAnsiConsole console, CommandHostFactory hosts) : AsyncCommand<ResumeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ResumeSettings settings, CancellationToken cancellationToken)
    {
        await using var host = await hosts.StartAsync(settings, cancellationToken);
        var runs = host.Get<RunService>();
        var targets = await TargetsAsync(runs, settings, cancellationToken);
        if (targets.Count == 0)
        {
            console.MarkupLine($"Nothing to resume: every run in {Markup.Escape(host.Store.Description)} is finished.");
            return ExitCodes.Success;
        }
        var exit = ExitCodes.Success;
        foreach (var run in targets)
        {
            if (run.Emulated != host.Emulated)
                throw new InvalidInputException(run.Emulated
                    ? $"Run {run.Id} was made with the emulator; resume it with the emulator too (unset FAL_KEY, or add --emulator), so its requests are not looked for at fal."
                    : $"Run {run.Id} was made with fal; resume it with FAL_KEY set, so its paid requests are collected from fal.");
            // fal's request history decides what a stopped process left unknown; an emulator inside the process that
            // stopped took its requests with it, so there is no history to ask.
            var reopened = await runs.ReopenAsync(run, settings.RetryFailed, settings.ResubmitUnknown, reconcile: host.Mode != ConnectionMode.InProcessEmulator, cancellationToken);
            if (host.Mode == ConnectionMode.InProcessEmulator && await runs.ForgetEmulatedRequestsAsync(run, cancellationToken) is > 0 and var lost)
                console.MarkupLine($"[grey]{lost} job(s) were waiting on the built-in emulator of the process that stopped; they are sent again to this one (emulated: nothing is paid).[/]");
            var jobs = await runs.Store.GetJobsAsync(run.Id, cancellationToken);
            console.MarkupLine($"Resuming {run.Kind.Name()} [bold]{run.Id}[/]{(run.Name is { } n ? $" ({Markup.Escape(n)})" : "")}: "
                + $"{jobs.Count(j => j.State == JobState.Downloaded)} done, {jobs.Count(j => JobStateMachine.HasRequest(j.State))} to collect from fal by request id, {jobs.Count(j => j.State == JobState.Planned)} to send"
                + (reopened.Failed + reopened.Unknown + reopened.Cancelled > 0 ? $" ({reopened.Failed} failed, {reopened.Unknown} unknown, {reopened.Cancelled} cancelled reopened)" : "")
                + (reopened.FoundMidSend > 0 ? $"; {reopened.FoundMidSend} were being sent when the process stopped" : "")
                + (jobs.Count(j => j.State == JobState.Unknown) is > 0 and var unknown ? $"; [yellow]{unknown} may be at fal: not sent again[/]" : "") + ".");
            ReportReconciled(reopened);
            var outcome = await LiveRunProgress.RunAsync(console, settings.Verbose, observer => runs.ExecuteAsync(run, observer, cancellationToken));
            RunSummary.Render(console, outcome, TimeProvider.System);
            exit = Math.Max(exit, RunSummary.ExitCode(outcome));
            if (outcome.Interrupted) break;
        }
        return exit;
    }

    private void ReportReconciled(RunReopenCounts reopened)
    {
        if (reopened.Reconciled.Count == 0) return;
        console.MarkupLine($"fal's request history decided {reopened.Reconciled.Count} unknown job(s): "
            + $"{reopened.Count(ReconcileVerdict.Adopted)} adopted (collected by request id, not sent again), "
            + $"{reopened.Count(ReconcileVerdict.Resent)} sent again (fal never started them: not billed), "
            + $"{reopened.Count(ReconcileVerdict.StillUnknown)} still unknown.");
        foreach (var job in reopened.Reconciled.Where(r => r.Verdict == ReconcileVerdict.StillUnknown))
            console.MarkupLine($"[grey]  {Markup.Escape(job.Job.ModelKey)} {Markup.Escape(job.Job.InputKey)}: {Markup.Escape(job.Reason)}[/]");
    }

    private static async Task<IReadOnlyList<RunRecord>> TargetsAsync(RunService runs, ResumeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.RunId is { } id)
            return [await runs.Store.GetRunAsync(id, cancellationToken) ?? throw new InvalidInputException($"No run '{id}' in the store; `catwalk report` lists the runs.")];
        var unfinished = await runs.UnfinishedAsync(cancellationToken);
        if (!settings.RetryFailed && !settings.ResubmitUnknown) return [.. unfinished.Where(r => r.SpecJson is not null)];
        // Asked to retry: runs that ended with failed or unknown jobs count too.
        var ended = (await runs.Store.ListRunsAsync(null, cancellationToken)).Where(r => r.Status is RunStatus.Partial or RunStatus.Failed);
        return [.. unfinished.Concat(ended).Where(r => r.SpecJson is not null).DistinctBy(r => r.Id)];
    }
}
