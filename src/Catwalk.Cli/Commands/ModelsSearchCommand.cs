using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Fal.Platform;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk models search</c>: fal's endpoints matching the words, category and status (every page), with key, name,
/// category, status and fal's price when it has one; which of them are already in Catwalk's catalog. Spends nothing.
/// </summary>
internal sealed class ModelsSearchCommand(IAnsiConsole console, IConfiguration configuration) : AsyncCommand<ModelsSearchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsSearchSettings settings, CancellationToken cancellationToken)
    {
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        await using var session = await PlatformSession.OpenAsync(configuration, settings.Emulator, catalog, cancellationToken);
        if (session.Emulated && !settings.Json)
            console.MarkupLine("[yellow]Emulated:[/] no FAL_KEY set (or --emulator), so this asks Catwalk's built-in fal emulator, which knows fewer endpoints than fal.");
        var platform = session.Client;

        var found = new List<FalModel>();
        var limit = settings.Limit ?? 50;
        string? cursor = null;
        do
        {
            var page = await platform.GetModelsAsync(new FalModelQuery { Text = settings.Words, Category = settings.Category, Status = settings.Status, Limit = Math.Min(limit - found.Count, 100), Cursor = cursor }, cancellationToken);
            found.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null && found.Count < limit);
        // Prices need a key on fal; without one they are simply not shown.
        var prices = await session.PricesAsync(found.Select(m => m.EndpointId), cancellationToken);

        if (settings.Json)
        {
            var json = new JsonArray([.. found.Select(m => (JsonNode)new JsonObject
            {
                ["endpoint_id"] = m.EndpointId, ["display_name"] = m.Metadata?.DisplayName, ["category"] = m.Metadata?.Category, ["status"] = m.Metadata?.Status,
                ["catalog_key"] = catalog.Models.FirstOrDefault(c => c.EndpointId == m.EndpointId)?.Key,
                ["unit_price"] = prices.GetValueOrDefault(m.EndpointId)?.UnitPrice, ["unit"] = prices.GetValueOrDefault(m.EndpointId)?.Unit,
            })]);
            console.Profile.Out.Writer.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }
        if (found.Count == 0)
        {
            console.MarkupLine("No fal endpoint matches. Try fewer words, or another --category (image-to-video, image-to-image, text-to-image).");
            return ExitCodes.Success;
        }
        var table = new Table().RoundedBorder();
        table.AddColumns(new TableColumn("fal endpoint").NoWrap(), new TableColumn("Name"), new TableColumn("Category").NoWrap(), new TableColumn("Status").NoWrap(),
            new TableColumn("Price").NoWrap(), new TableColumn("In catalog").NoWrap());
        foreach (var m in found)
        {
            var price = prices.GetValueOrDefault(m.EndpointId) is { } p ? $"${p.UnitPrice.ToString("0.####", CultureInfo.InvariantCulture)}/{Unit(p.Unit)}" : "–";
            var known = catalog.Models.FirstOrDefault(c => c.EndpointId == m.EndpointId)?.Key;
            table.AddRow(Markup.Escape(m.EndpointId), Markup.Escape(m.Metadata?.DisplayName ?? "–"), Markup.Escape(m.Metadata?.Category ?? "–"),
                m.Metadata?.IsDeprecated == true ? "[red]deprecated[/]" : "active", Markup.Escape(price), known is null ? "–" : Markup.Escape(known));
        }
        console.Write(table);
        console.MarkupLine($"{found.Count} endpoint(s){(cursor is not null ? $" (the first {limit}; --limit for more)" : "")}. Prices are fal's unit price for each endpoint's base configuration.");
        return ExitCodes.Success;
    }

    private static string Unit(string unit) => unit switch { "seconds" => "s", "images" or "image" => "image", "videos" or "video" => "video", _ => unit };
}
