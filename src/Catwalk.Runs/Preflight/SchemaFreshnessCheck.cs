using System.Globalization;
using Catwalk.Catalog;
using Catwalk.Catalog.Import;
using Catwalk.Fal;
using Catwalk.Fal.Platform;

namespace Catwalk.Runs.Preflight;

/// <summary>
/// Before a run spends anything: each model's catalog entry against fal's current OpenAPI. A run is refused when fal
/// would reject what it sends — the endpoint gone, a field Catwalk fills gone or retyped, a planned duration fal no longer
/// takes, a field fal now requires that Catwalk does not fill. Other drift (a value the run does not use, a default or a
/// price, a deprecation) is a warning: `catwalk models sync` shows it all. When fal cannot be asked, the run goes on with
/// a warning (a result-time 422 would then fail the job at no cost).
/// </summary>
public sealed class SchemaFreshnessCheck(IFalPlatformClient platform)
{
    private const string Fix = "`catwalk models sync --apply` takes fal's schema into the user catalog";

    public async Task<SchemaFreshness> CheckAsync(IReadOnlyCollection<(ModelDescriptor Model, IReadOnlySet<int> Durations)> models, CancellationToken cancellationToken)
    {
        var fal = new Dictionary<string, FalModel>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in models.Select(m => m.Model.EndpointId).Distinct().Chunk(50))
                foreach (var found in (await platform.GetModelsAsync(new FalModelQuery { EndpointIds = chunk, WithOpenApi = true, Limit = 50 }, cancellationToken).ConfigureAwait(false)).Items)
                    fal[found.EndpointId] = found;
        }
        catch (Exception e) when (e is FalException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return SchemaFreshness.Unchecked($"fal's current model schemas could not be read ({e.Message}): the run uses the catalog's as they are.");
        }
        var (refusals, warnings) = (new List<string>(), new List<string>());
        foreach (var (model, durations) in models)
        {
            if (!fal.TryGetValue(model.EndpointId, out var current)) { refusals.Add($"{model.Key}: fal no longer has {model.EndpointId}"); continue; }
            if (current.Metadata?.IsDeprecated == true) warnings.Add($"{model.Key}: fal marks {model.EndpointId} deprecated.");
            if (current.OpenApi is not { } openApi) continue; // nothing to compare with
            IReadOnlyList<SchemaField> schema;
            try { schema = OpenApiModelImporter.InputSchema(model.EndpointId, openApi); }
            catch (UnusableModelException e) { warnings.Add($"{model.Key}: fal's OpenAPI could not be read ({e.Message})."); continue; }
            refusals.AddRange(Breaking(model, schema, durations, warnings));
        }
        return new SchemaFreshness(refusals.Select(r => $"{r}; {Fix}.").ToList(), warnings);
    }

    private static IEnumerable<string> Breaking(ModelDescriptor model, IReadOnlyList<SchemaField> schema, IReadOnlySet<int> durations, List<string> warnings)
    {
        var fal = schema.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var i = model.Inputs;
        var sent = new[] { i.Prompt, i.Image, i.Images, i.NegativePrompt, i.Seed, i.Resolution, i.AspectRatio, i.ImageSize, i.Audio, i.Fps, i.Count, i.OutputFormat, model.Duration?.Field,
                model.TryOn?.PersonField, model.TryOn?.GarmentField, model.TryOn?.CategoryField }
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var name in sent)
        {
            if (!fal.TryGetValue(name, out var theirs)) { yield return $"{model.Key}: fal no longer takes the field {name}, which Catwalk fills"; continue; }
            if (model.Field(name) is not { } ours) continue;
            if (ours.Type != theirs.Type && !(theirs.AcceptsNumericString || ours.AcceptsNumericString))
                yield return $"{model.Key}: fal now wants {name} as {theirs.Type}, the catalog sends {ours.Type}";
            if (theirs.Enum is not { Count: > 0 } allowed || ours.Enum is not { Count: > 0 } known) continue;
            var dropped = known.Select(Text).Except(allowed.Select(Text)).ToList();
            if (dropped.Count == 0) continue;
            if (name == model.Duration?.Field && durations.Where(d => dropped.Select(Seconds).Contains(d)).ToList() is { Count: > 0 } asked)
                yield return $"{model.Key}: fal no longer accepts {name} {string.Join(", ", asked)} s (it takes {string.Join(", ", allowed.Select(Text))})";
            else warnings.Add($"{model.Key}: fal no longer accepts {name} {string.Join(", ", dropped)} (this run does not ask for it).");
        }
        foreach (var required in schema.Where(f => f.Required && !sent.Contains(f.Name) && model.Field(f.Name) is not { Required: true }))
            yield return $"{model.Key}: fal now requires {required.Name}, which the catalog does not send";
    }

    private static string Text(System.Text.Json.Nodes.JsonNode? value) => value?.ToString() ?? "null";

    private static int? Seconds(string value) => int.TryParse(value.TrimEnd('s'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
}
