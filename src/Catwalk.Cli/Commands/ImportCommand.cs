using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Runs.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk import</c>: an existing outputs folder's history into the run store; importing again adds nothing twice.</summary>
internal sealed class ImportCommand(IAnsiConsole console, StoreOpener stores) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await stores.OpenAsync(settings, cancellationToken);
        var result = await new SeedImporter(Path.GetFullPath(settings.OutputDirectory), ModelCatalog.BuiltIn).ImportAsync(settings.Folder, store, cancellationToken);
        console.MarkupLine($"Imported {result.Added} of {result.Found} metadata file(s) into {Markup.Escape(store.Description)}"
            + (result.Skipped > 0 ? $"; {result.Skipped} already there" : "") + (result.RunId is { } id ? $" (run {id})" : "") + ".");
        foreach (var problem in result.Problems)
            console.MarkupLine($"  [yellow]skipped[/] {Markup.Escape(problem.Path)}: {Markup.Escape(problem.Message)}");
        return result.Problems.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}
