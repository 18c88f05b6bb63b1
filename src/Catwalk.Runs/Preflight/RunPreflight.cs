using Catwalk.Catalog;
using Catwalk.Runs.Planning;
using Microsoft.Extensions.Options;

namespace Catwalk.Runs.Preflight;

/// <summary>
/// The checks a planned run passes before it is stored, whichever door it came in by (a command, the dashboard's launch
/// form, the server's API): today, that fal still accepts what the run will send to each of its models.
/// </summary>
public sealed class RunPreflight(SchemaFreshnessCheck schemas, ModelCatalog catalog, IOptions<RunPreflightOptions> options)
{
    public async Task<SchemaFreshness> CheckAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        if (!options.Value.CheckFalSchemas) return new SchemaFreshness([], []);
        var models = plan.Jobs.GroupBy(j => j.ModelKey).Select(g =>
        {
            var model = catalog.Get(g.Key);
            // A job without a duration of its own sends the model's default.
            IReadOnlySet<int> durations = g.Select(j => j.RequestedDuration ?? model.Duration?.Default).OfType<int>().ToHashSet();
            return (model, durations);
        }).ToList();
        return await schemas.CheckAsync(models, cancellationToken).ConfigureAwait(false);
    }
}
