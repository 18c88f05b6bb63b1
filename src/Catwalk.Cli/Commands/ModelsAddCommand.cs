using Catwalk.Catalog;
using Catwalk.Catalog.Import;
using Catwalk.Cli.Infrastructure;
using Catwalk.Domain;
using Catwalk.Fal.Platform;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk models add</c>: reads the endpoint's OpenAPI and price from fal's Platform API, infers a catalog entry, says
/// what it inferred, and writes it into the user catalog (replacing an entry of the same key). Refuses, with the reason,
/// an endpoint Catwalk cannot use. Spends nothing.
/// </summary>
internal sealed class ModelsAddCommand(IAnsiConsole console, IConfiguration configuration, TimeProvider time) : AsyncCommand<ModelsAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelsAddSettings settings, CancellationToken cancellationToken)
    {
        var target = settings.CatalogFiles is [var file] ? Path.GetFullPath(file) : UserCatalog.DefaultPath;
        var key = settings.Key ?? OpenApiModelImporter.KeyFor(settings.EndpointId);
        if (ModelCatalog.BuiltIn.Models.FirstOrDefault(m => m.EndpointId == settings.EndpointId) is { } known)
            throw new InvalidInputException($"{settings.EndpointId} is built in already, as '{known.Key}' (`catwalk run --models {known.Key}`); nothing to add.");
        if (ModelCatalog.BuiltIn.Find(key) is { } builtIn)
            throw new InvalidInputException($"'{key}' is the built-in model {builtIn.EndpointId}; choose another with --key.");
        await using var session = await PlatformSession.OpenAsync(configuration, settings.Emulator, UserCatalog.Load([.. (settings.CatalogFiles ?? []).Where(File.Exists)]), cancellationToken);
        if (session.Emulated) console.MarkupLine("[yellow]Emulated:[/] no FAL_KEY set (or --emulator), so the schema and price come from Catwalk's built-in fal emulator.");

        var found = await session.Client.GetModelsAsync(new FalModelQuery { EndpointIds = [settings.EndpointId], WithOpenApi = true }, cancellationToken);
        var model = found.Items.FirstOrDefault(m => m.EndpointId == settings.EndpointId)
                    ?? throw new InvalidInputException($"fal has no endpoint '{settings.EndpointId}'. `catwalk models search WORDS` finds the right id.");
        if (model.OpenApi is null) throw new InvalidInputException($"fal gives no OpenAPI document for {settings.EndpointId}, so its inputs cannot be read; add it to a catalog file by hand.");
        var price = (await session.PricesAsync([settings.EndpointId], cancellationToken)).GetValueOrDefault(settings.EndpointId) is { } p
            ? new PublishedPrice(p.UnitPrice, p.Unit, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) : null;
        ImportedModel imported;
        try
        {
            imported = OpenApiModelImporter.Import(key, settings.EndpointId, model.Metadata?.DisplayName, model.Metadata?.Category, model.OpenApi, price);
        }
        catch (UnusableModelException e)
        {
            throw new InvalidInputException($"Not added: {e.Message}");
        }
        if (model.Metadata?.IsDeprecated == true) console.MarkupLine($"[yellow]Note:[/] fal marks {Markup.Escape(settings.EndpointId)} as deprecated.");

        var replaced = CatalogFileWriter.Upsert(target, [imported.Entry]).Count > 0;
        console.MarkupLine($"Inferred from fal's OpenAPI for [bold]{Markup.Escape(settings.EndpointId)}[/]:");
        foreach (var line in imported.Inferred) console.MarkupLine($"  {Markup.Escape(line)}");
        foreach (var line in imported.Warnings) console.MarkupLine($"  [yellow]≈[/] {Markup.Escape(line)}");
        console.MarkupLine($"{(replaced ? "Replaced" : "Added")} [bold]{Markup.Escape(key)}[/] in {Markup.Escape(target)}. Try it: catwalk run --models {Markup.Escape(key)}"
                           + (target == UserCatalog.DefaultPath ? "" : $" --catalog {Markup.Escape(target)}"));
        return ExitCodes.Success;
    }
}
