using Catwalk.Catalog;
using Catwalk.Catalog.Import;
using Catwalk.Cli.Infrastructure;
using Catwalk.Fal.Platform;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk models sync</c>: compares every catalog model with fal's OpenAPI and price and prints the drift, one line a
/// change (field gone or added, type, required, values or default changed, price or its unit changed, endpoint deprecated
/// or gone). With <c>--apply</c>, fal's schema and base price go into the user catalog; without it nothing is written.
/// </summary>
internal sealed class ModelsSyncCommand(IAnsiConsole console, IConfiguration configuration, TimeProvider time) : AsyncCommand<ModelsSyncSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsSyncSettings settings, CancellationToken cancellationToken)
    {
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        await using var session = await PlatformSession.OpenAsync(configuration, settings.Emulator, catalog, cancellationToken);
        if (session.Emulated) console.MarkupLine("[yellow]Emulated:[/] no FAL_KEY set (or --emulator), so this compares with Catwalk's built-in fal emulator, not fal.");
        var ids = catalog.Models.Select(m => m.EndpointId).Distinct().ToList();
        var fal = new Dictionary<string, FalModel>();
        foreach (var chunk in ids.Chunk(50))
            foreach (var model in (await session.Client.GetModelsAsync(new FalModelQuery { EndpointIds = chunk, WithOpenApi = true, Limit = 50 }, cancellationToken)).Items)
                fal[model.EndpointId] = model;
        var prices = await session.PricesAsync(fal.Keys, cancellationToken);
        if (!session.HasKey) console.MarkupLine("[grey]No key: prices are not compared (fal's pricing API needs one).[/]");

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var updates = new List<System.Text.Json.Nodes.JsonObject>();
        var total = 0;
        foreach (var model in catalog.Models)
        {
            var falModel = fal.GetValueOrDefault(model.EndpointId);
            IReadOnlyList<SchemaField>? schema = null;
            if (falModel?.OpenApi is { } openApi)
            {
                try { schema = OpenApiModelImporter.InputSchema(model.EndpointId, openApi); }
                catch (UnusableModelException e) { console.MarkupLine($"{Markup.Escape(model.Key)}: [yellow]fal's OpenAPI cannot be read[/] ({Markup.Escape(e.Message)})"); continue; }
            }
            else if (falModel is not null) { console.MarkupLine($"{Markup.Escape(model.Key)}: fal gives no OpenAPI document; not compared"); continue; }
            var price = prices.GetValueOrDefault(model.EndpointId) is { } p ? new PublishedPrice(p.UnitPrice, p.Unit, today) : null;
            var changes = CatalogDrift.Compare(model, schema, price, falModel?.Metadata?.IsDeprecated == true);
            foreach (var change in changes) console.MarkupLine(Markup.Escape(change.ToString()));
            total += changes.Count;
            if (schema is not null && changes.Any(c => c.Kind is not (DriftKind.EndpointDeprecated or DriftKind.PriceUnitChanged)))
            {
                try { updates.Add(CatalogDrift.Apply(model, schema, price)); }
                catch (UnusableModelException e) { console.MarkupLine($"[yellow]{Markup.Escape(e.Message)}[/]"); }
            }
        }
        if (total == 0)
        {
            console.MarkupLine($"No drift: {catalog.Models.Count} model(s) match fal's schemas{(session.HasKey ? " and prices" : "")}.");
            return ExitCodes.Success;
        }
        if (!settings.Apply)
        {
            console.MarkupLine($"{total} change(s) in {updates.Count} model(s) that --apply can take over; nothing written.");
            return ExitCodes.Success;
        }
        var target = settings.CatalogFiles is [var file] ? Path.GetFullPath(file) : UserCatalog.DefaultPath;
        if (updates.Count > 0) CatalogFileWriter.Upsert(target, updates);
        console.MarkupLine($"Applied: {updates.Count} model(s) written to {Markup.Escape(target)} with fal's schema{(session.HasKey ? " and base price" : "")}; deprecations and unmapped price units are only reported.");
        return ExitCodes.Success;
    }
}
