using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Runs.Recommendation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk recommend</c>: which model to pay for — models ranked by a weighted score of human preference, automatic
/// quality, $ per video second and latency, with intervals, exclusions and plain sentences (docs/recommendation.md).
/// </summary>
internal sealed class RecommendCommand(IAnsiConsole console, StoreOpener stores, TimeProvider time) : AsyncCommand<RecommendSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RecommendSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, cancellationToken);
        var runs = await StoredRuns.SelectAsync(store, settings.RunId, cancellationToken);
        var jobs = await StoredRuns.JobsAsync(store, runs, cancellationToken);
        if (jobs.Count == 0)
        {
            // One line, on stderr under --json so stdout stays parseable (and empty).
            var line = $"Nothing to recommend from in {store.Description} yet: `catwalk run` makes videos from every model (then `catwalk metrics --all` measures them and /vote in `catwalk dashboard` collects votes).";
            if (settings.Json) await Console.Error.WriteLineAsync(line);
            else console.WriteLine(line);
            return ExitCodes.Success;
        }
        var runIds = runs.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var votes = (await store.GetVotesAsync(null, cancellationToken)).Where(v => runIds.Contains(v.RunId)).ToList();
        var options = new RecommendationOptions { Weights = settings.ParsedWeights, MinIdentity = settings.MinIdentity, MinFullBody = settings.MinFullBody };
        var report = RecommendationBuilder.Build(jobs, votes, options, [.. runIds], time.GetUtcNow());
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(RecommendationJson.Serialize(report));
            return ExitCodes.Success;
        }
        console.MarkupLine($"{runs.Count} run(s) in {Markup.Escape(store.Description)}; weights {Markup.Escape(report.Weights)}.");
        RecommendationTable.Render(console, report);
        return ExitCodes.Success;
    }
}
