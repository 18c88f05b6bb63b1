using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Preflight;
using Catwalk.Fal;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A run's models against fal's current schemas before anything is stored or sent: refused in one line when fal would
/// reject what the run sends. Not for the built-in emulator, which serves this very catalog.
/// </summary>
internal static class SchemaPreflight
{
    public static async Task EnsureAsync(IAnsiConsole console, CommandHost host, RunPlan plan, CancellationToken cancellationToken)
    {
        if (host.Mode == ConnectionMode.InProcessEmulator) return;
        // A server the user pointed the queue at, with fal's own Platform API left as it is: fal's schemas are not that server's.
        if (host.Mode == ConnectionMode.ConfiguredServer && host.Get<IOptions<FalOptions>>().Value.ApiUrl.Host.EndsWith("fal.ai", StringComparison.OrdinalIgnoreCase)) return;
        var catalog = host.Get<ModelCatalog>();
        var models = plan.Jobs.GroupBy(j => j.ModelKey).Select(g =>
        {
            var model = catalog.Get(g.Key);
            // A job without a duration of its own sends the model's default.
            IReadOnlySet<int> durations = g.Select(j => j.RequestedDuration ?? model.Duration?.Default).OfType<int>().ToHashSet();
            return (model, durations);
        }).ToList();
        var result = await host.Get<SchemaFreshnessCheck>().CheckAsync(models, cancellationToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        if (result.Refusals.Count > 0) throw new InvalidInputException($"Nothing sent: {string.Join(" ", result.Refusals)}");
    }
}
