using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk run</c>: person + outfit → one image → a video from each chosen model, concurrently.</summary>
internal sealed class RunCommand(IAnsiConsole console, FalSessionFactory sessions) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        // Everything the user gave is checked before a session starts, so a mistake costs nothing.
        var (person, face, outfits) = SampleLook.Files(settings);
        var references = await ReferenceImageLoader.LoadSetAsync(person, face, outfits, cancellationToken: cancellationToken);
        var look = new LookRequest(references, settings.ToPerson(), SampleLook.Environment(settings), SampleLook.Description(settings));
        if (settings.Person is null) console.MarkupLine("[grey]No --person given: using Catwalk's sample person and outfit.[/]");

        await using var session = await sessions.CreateAsync(settings, cancellationToken);
        var plan = session.Get<VideoPipeline>().Plan(settings.ModelKeys, settings.ToVideoSettings(), settings.StrictDuration);
        var imageCost = CostEstimator.ForImages(session.Get<ModelCatalog>().Get(ImagePipeline.EditModel), 1).Usd;
        PlanPrinter.Print(console, plan, imageCost);

        var result = await session.Get<LookToVideoPipeline>().RunAsync(new LookRunRequest
        {
            Look = look,
            Models = settings.ModelKeys,
            Settings = settings.ToVideoSettings(),
            StrictSettings = settings.StrictDuration,
            VideoPrompt = settings.VideoPrompt,
            Seed = settings.Seed,
            Progress = new ProgressPrinter(console, settings.Verbose),
            Timeout = settings.Timeout,
        }, cancellationToken);

        var root = Path.GetFullPath(settings.OutputDirectory);
        SummaryTable.RenderImage(console, result.Image, root);
        SummaryTable.Render(console, result.Videos, root);
        return Outcome.ExitCode(result.Videos, cancellationToken);
    }
}
