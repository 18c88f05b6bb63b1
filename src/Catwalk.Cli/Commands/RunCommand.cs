using Catwalk.Store;
using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Runs;
using Catwalk.Runs.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk run</c>: person + outfit → one image → a video from each chosen model, concurrently, recorded in the run store.</summary>
internal sealed class RunCommand(IAnsiConsole console, CommandHostFactory hosts) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        // Everything the user gave is checked before a session starts, so a mistake costs nothing.
        var (person, face, outfits) = SampleLook.Files(settings);
        await ReferenceImageLoader.LoadSetAsync(person, face, outfits, cancellationToken: cancellationToken);
        if (settings.Person is null) console.MarkupLine("[grey]No --person given: using Catwalk's sample person and outfit.[/]");
        var look = new LookSpec
        {
            Id = "look", PersonImage = RunSpecs.Full(person), FaceImage = face is null ? null : RunSpecs.Full(face), OutfitImages = [.. outfits.Select(RunSpecs.Full)],
            OutfitGarments = SampleLook.Garments(settings),
            Person = settings.ToPerson(), Environment = SampleLook.Environment(settings), Description = SampleLook.Description(settings),
        };

        await using var host = await hosts.StartAsync(settings, cancellationToken);
        var spec = RunSpecs.FromVideoOptions(RunKind.Run, look, settings, host.Get<ModelCatalog>(), settings.VideoPrompt, host.Emulated) with
        {
            Angles = settings.Angles is null ? [] : CameraAngles.Parse(settings.Angles),
            Turnaround = settings.Turnaround,
            GateImage = settings.GateImage, ImageModels = settings.ImageModels is null ? [] : Runs.Planning.ImageModelSelection.Resolve(host.Get<ModelCatalog>(), settings.ImageModels),
        };
        Runs.Gate.ImageGatePreflight.Check(spec);
        foreach (var note in Runs.Planning.TryOnChain.LeftOut(spec, host.Get<ModelCatalog>())) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        var runs = host.Get<RunService>();
        var plan = runs.Plan(spec);
        PlanPrinter.Print(console, plan.VideoPlans.Values.Single(), plan.ImageJobUsd,
            [.. spec.ImageModelKeys().SelectMany(m => spec.Angles.Count == 0 ? [m] : spec.Angles.Select(a => $"{m} {a.Word()}"))]);

        var run = await runs.CreateAsync(spec, settings.OutputDirectory, host.Emulated, cancellationToken, SchemaPreflight.Warnings(console));
        console.MarkupLine($"[grey]Run {run.Id} recorded in {Markup.Escape(host.Store.Description)}; if it is interrupted, `catwalk resume` finishes it.[/]");
        var outcome = await LiveRunProgress.RunAsync(console, settings.Verbose, observer => runs.ExecuteAsync(run, observer, cancellationToken));

        var root = Path.GetFullPath(settings.OutputDirectory);
        foreach (var result in outcome.Looks)
        {
            if (spec.ComparesImageModels || spec.Angles.Count > 1) console.MarkupLine($"[bold]{Markup.Escape(result.ImageModel ?? "")}[/]" + (result.Error is { } error ? $": [red]{Markup.Escape(error)}[/]" : ""));
            if (result.Image is { } image) SummaryTable.RenderImage(console, image, root);
            foreach (var videos in result.Videos) SummaryTable.Render(console, videos, root);
        }
        RunSummary.Render(console, outcome, TimeProvider.System, table: false);
        return RunSummary.ExitCode(outcome);
    }
}
