using Catwalk.Store;
using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Prompts;
using Catwalk.Runs;
using Catwalk.Runs.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk video</c>: one image → a video from each chosen model, concurrently, recorded in the run store.</summary>
internal sealed class VideoCommand(IAnsiConsole console, CommandHostFactory hosts) : AsyncCommand<VideoCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VideoCommandSettings settings, CancellationToken cancellationToken)
    {
        await ReferenceImageLoader.LoadAsync(ReferenceRole.StartFrame, settings.Image!, cancellationToken: cancellationToken);
        await using var host = await hosts.StartAsync(settings, cancellationToken);
        var prompt = settings.Prompt ?? host.Get<PromptBuilder>().BuildVideoPrompt(new PersonAttributes(), new EnvironmentAttributes(), null);
        var spec = RunSpecs.FromVideoOptions(RunKind.Video, new LookSpec { Id = "look", StartImage = RunSpecs.Full(settings.Image!) }, settings, host.Get<ModelCatalog>(), prompt, host.Emulated);
        var runs = host.Get<RunService>();
        var plan = runs.Plan(spec);
        PlanPrinter.Print(console, plan.VideoPlans.Values.Single());

        var run = await runs.CreateAsync(spec, settings.OutputDirectory, host.Emulated, cancellationToken, SchemaPreflight.Warnings(console));
        console.MarkupLine($"[grey]Run {run.Id} recorded in {Markup.Escape(host.Store.Description)}; if it is interrupted, `catwalk resume` finishes it.[/]");
        var outcome = await LiveRunProgress.RunAsync(console, settings.Verbose, observer => runs.ExecuteAsync(run, observer, cancellationToken));
        foreach (var videos in outcome.Looks.SingleOrDefault()?.Videos ?? []) SummaryTable.Render(console, videos, Path.GetFullPath(settings.OutputDirectory));
        RunSummary.Render(console, outcome, TimeProvider.System, table: false);
        return RunSummary.ExitCode(outcome);
    }
}
