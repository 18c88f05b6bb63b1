using Catwalk.Store;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Runs;
using Catwalk.Runs.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk image</c>: one image-model call, images and metadata saved, recorded in the run store.</summary>
internal sealed class ImageCommand(IAnsiConsole console, CommandHostFactory hosts) : AsyncCommand<ImageSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImageSettings settings, CancellationToken cancellationToken)
    {
        var paths = settings.References ?? [];
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        var model = catalog.Get(settings.Model ?? (paths.Length > 0 ? ImagePipeline.EditModel : ImagePipeline.TextModel));
        // Before any file is read or anything started: a request the model cannot take costs nothing.
        ImageRequestCheck.ThrowIfUnfit(model, hasPrompt: settings.Prompt is not null, hasPerson: paths.Length > 0, hasFace: settings.Face is not null, garments: Math.Max(0, paths.Length - 1));
        for (var i = 0; i < paths.Length; i++)
            await ReferenceImageLoader.LoadAsync(i == 0 ? ReferenceRole.Person : ReferenceRole.Outfit, paths[i], cancellationToken: cancellationToken);
        if (settings.Face is { } face) await ReferenceImageLoader.LoadAsync(ReferenceRole.Face, face, cancellationToken: cancellationToken);
        await using var host = await hosts.StartAsync(settings, cancellationToken, catalog: catalog);
        var look = new LookSpec
        {
            Id = "look", ImagePrompt = settings.Prompt, PersonImage = paths.Length > 0 ? RunSpecs.Full(paths[0]) : null,
            FaceImage = settings.Face is { } f ? RunSpecs.Full(f) : null, OutfitImages = [.. paths.Skip(1).Select(RunSpecs.Full)],
        };
        var spec = new RunSpec
        {
            Kind = RunKind.Image, Looks = [look], ImageModel = model.Key,
            ImageCount = settings.Count, ImageAspectRatio = settings.AspectRatio, Seed = settings.Seed, UseCache = !settings.NoCache, TimeoutSeconds = settings.TimeoutSeconds,
        };
        var runs = host.Get<RunService>();
        var run = await runs.CreateAsync(spec, settings.OutputDirectory, host.Emulated, cancellationToken, SchemaPreflight.Warnings(console));
        var outcome = await LiveRunProgress.RunAsync(console, settings.Verbose, observer => runs.ExecuteAsync(run, observer, cancellationToken));
        if (outcome.Looks.SingleOrDefault() is { Image: { } image }) SummaryTable.RenderImage(console, image, Path.GetFullPath(settings.OutputDirectory));
        RunSummary.Render(console, outcome, TimeProvider.System, table: false);
        return RunSummary.ExitCode(outcome);
    }
}
