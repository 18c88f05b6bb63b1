using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk image</c>: one image-model call, images and metadata saved.</summary>
internal sealed class ImageCommand(IAnsiConsole console, FalSessionFactory sessions) : AsyncCommand<ImageSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImageSettings settings, CancellationToken cancellationToken)
    {
        var references = new List<ReferenceImage>();
        foreach (var path in settings.References ?? [])
            references.Add(await ReferenceImageLoader.LoadAsync(references.Count == 0 ? ReferenceRole.Person : ReferenceRole.Outfit, path, cancellationToken: cancellationToken));
        await using var session = await sessions.CreateAsync(settings, cancellationToken);
        var result = await session.Get<ImagePipeline>().RunAsync(new ImageStageRequest
        {
            Prompt = settings.Prompt!,
            References = references,
            ModelKey = settings.Model,
            Count = settings.Count,
            AspectRatio = settings.AspectRatio,
            Seed = settings.Seed,
            Progress = new ProgressPrinter(console, settings.Verbose),
            Timeout = settings.Timeout,
        }, cancellationToken);
        SummaryTable.RenderImage(console, result, Path.GetFullPath(settings.OutputDirectory));
        return ExitCodes.Success;
    }
}
