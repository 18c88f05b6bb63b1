using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Pipelines;
using Catwalk.Prompts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk video</c>: one image → a video from each chosen model, concurrently.</summary>
internal sealed class VideoCommand(IAnsiConsole console, FalSessionFactory sessions) : AsyncCommand<VideoCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VideoCommandSettings settings, CancellationToken cancellationToken)
    {
        await ReferenceImageLoader.LoadAsync(ReferenceRole.StartFrame, settings.Image!, cancellationToken: cancellationToken);
        await using var session = await sessions.CreateAsync(settings, cancellationToken);
        var prompt = settings.Prompt ?? session.Get<PromptBuilder>().BuildVideoPrompt(new PersonAttributes(), new EnvironmentAttributes(), null);
        var pipeline = session.Get<VideoPipeline>();
        PlanPrinter.Print(console, pipeline.Plan(settings.ModelKeys, settings.ToVideoSettings(), settings.StrictDuration));

        var result = await pipeline.RunAsync(new VideoStageRequest
        {
            ImagePath = settings.Image!,
            Prompt = prompt,
            Models = settings.ModelKeys,
            Settings = settings.ToVideoSettings(),
            StrictSettings = settings.StrictDuration,
            Progress = new ProgressPrinter(console, settings.Verbose),
            Timeout = settings.Timeout,
        }, cancellationToken);
        SummaryTable.Render(console, result, Path.GetFullPath(settings.OutputDirectory));
        return Outcome.ExitCode(result, cancellationToken);
    }
}
