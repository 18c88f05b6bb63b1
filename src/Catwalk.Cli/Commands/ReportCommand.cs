using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Runs.Reports;
using Catwalk.Runs.Sharing;
using Catwalk.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk report</c>: per model, count, success rate, latency min/avg/p50/p95/max and cost, from the run store; with
/// <c>--billed</c>, first what fal billed (stored with the jobs), then estimate vs billed.
/// </summary>
internal sealed class ReportCommand(IAnsiConsole console, StoreOpener stores, BillingLookup billing, TimeProvider time) : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, cancellationToken);
        var runs = await StoredRuns.SelectAsync(store, settings.RunId, cancellationToken);
        var jobs = await StoredRuns.JobsAsync(store, runs, cancellationToken);
        if (settings.Billed)
        {
            foreach (var line in await billing.FetchAndStoreAsync(store, runs, jobs, cancellationToken))
                if (settings.Json) await Console.Error.WriteLineAsync(line); // stdout stays one JSON document
                else console.MarkupLine(Markup.Escape(line));
            jobs = await StoredRuns.JobsAsync(store, runs, cancellationToken);
        }
        var report = ReportBuilder.Build(jobs, [.. runs.Select(r => r.Id)], DateTimeOffset.UtcNow);
        if (settings.Html is { } html) await WriteHtmlAsync(store, runs, jobs, html, settings, cancellationToken);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(ReportFile.Serialize(report));
            return ExitCodes.Success;
        }
        if (jobs.Count == 0)
        {
            console.MarkupLine($"No runs in {Markup.Escape(store.Description)} yet: `catwalk run` makes one, `catwalk import <folder>` brings in an existing outputs folder.");
            return ExitCodes.Success;
        }
        console.MarkupLine($"{runs.Count} run(s) in {Markup.Escape(store.Description)}:");
        foreach (var run in runs.Take(10))
            console.MarkupLine($"  [grey]{run.Id}[/] {run.Kind.Name(),-6} {DateTimeOffset.FromUnixTimeMilliseconds(run.CreatedAt):yyyy-MM-dd HH:mm} {run.Status.Name(),-11} {Markup.Escape(run.Name ?? "")}");
        if (runs.Count > 10) console.MarkupLine($"  [grey]… and {runs.Count - 10} more[/]");
        ReportTable.Render(console, report);
        // Only jobs fal saw can have a bill; runs against an emulator never will, so they get no hint.
        var emulated = runs.Where(r => r.Emulated).Select(r => r.Id).ToHashSet(StringComparer.Ordinal); // a run records it; its jobs only when imported
        if (report.BilledUsd is null && jobs.Any(j => !j.Emulated && !emulated.Contains(j.RunId) && j.RequestId is { Length: > 0 } && j.CachedFromJobId is null))
            console.MarkupLine("[grey]Costs are Catwalk's estimates: `catwalk report --billed` asks fal what it billed (needs an ADMIN key, FAL_ADMIN_KEY).[/]");
        var emulatedFashion = jobs.Count(j => (j.Emulated || emulated.Contains(j.RunId)) && Runs.Quality.MetricsJson.DeserializeFashion(j.MetricsJson) is { FramesSampled: > 0 });
        if (emulatedFashion > 0)
            console.MarkupLine($"[grey]{emulatedFashion} of the fashion-measured results are emulated: the emulator lays the reference pictures out in its frames, so their identity and outfit numbers describe the emulator, not a model.[/]");
        return ExitCodes.Success;
    }

    /// <summary>The shareable report (and its PDF when asked and Chromium is there); what happened in one line each, on stderr under --json.</summary>
    private async Task WriteHtmlAsync(IRunStore store, IReadOnlyList<RunRecord> runs, IReadOnlyList<JobRecord> jobs, string html, ReportSettings settings, CancellationToken cancellationToken)
    {
        void Say(string line)
        {
            if (settings.Json) Console.Error.WriteLine(line);
            else console.MarkupLine(Markup.Escape(line));
        }
        var ids = runs.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var votes = (await store.GetVotesAsync(null, cancellationToken)).Where(v => ids.Contains(v.RunId)).ToList();
        var data = new ShareReportData(runs, jobs, votes, store.Description, time.GetUtcNow());
        await HtmlReport.WriteFileAsync(data, html, cancellationToken);
        Say($"Report written to {Path.GetFullPath(html)} ({new FileInfo(html).Length / 1024.0:0} KB): open it in any browser, offline.");
        if (settings.Pdf is not { } pdf) return;
        if (ChromiumPdf.Find() is not { } chromium)
        {
            Say($"No PDF: --pdf needs Chromium ({ChromiumPdf.InstallHint}); the HTML report is written.");
            return;
        }
        Say(await ChromiumPdf.PrintAsync(chromium, html, pdf, cancellationToken) is { } problem
            ? $"No PDF: {problem}; the HTML report is written."
            : $"PDF written to {Path.GetFullPath(pdf)}.");
    }
}
