using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Manifests;
using Catwalk.Runs;
using Catwalk.Runs.Reports;
using Catwalk.Runs.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk batch manifest.yaml</c>: the manifest expanded into jobs, estimated, checked against the budget, then run durably.</summary>
internal sealed class BatchCommand(IAnsiConsole console, FalSessionFactory sessions) : AsyncCommand<BatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BatchSettings settings, CancellationToken cancellationToken)
    {
        // The manifest is read and checked (files, fields, models) before anything starts, so a mistake costs nothing.
        var catalog = ModelCatalog.WithFiles(settings.CatalogFiles ?? []);
        var manifest = ManifestReader.Load(settings.Manifest, [.. catalog.Models.Where(m => m.IsVideo).Select(m => m.Key)]);
        var spec = ToSpec(manifest, settings);

        await using var session = await sessions.CreateAsync(settings, cancellationToken);
        var runs = session.Get<RunService>();
        var plan = runs.Plan(spec);
        BatchPlanPrinter.Print(console, spec, plan);
        if (settings.PlanOnly) return ExitCodes.Success;

        var run = await runs.CreateAsync(spec, settings.OutputDirectory, session.Emulated, cancellationToken);
        console.MarkupLine($"[grey]Batch run {run.Id} recorded in {Markup.Escape(session.Store.Description)}; if it is interrupted, `catwalk resume {run.Id}` finishes it.[/]");
        var outcome = await LiveRunProgress.RunAsync(console, settings.Verbose, observer => runs.ExecuteAsync(run, observer, cancellationToken));
        RunSummary.Render(console, outcome, TimeProvider.System);
        if (settings.Report is { } path)
        {
            await ReportFile.WriteAsync(path, ReportBuilder.Build(outcome.Jobs, [run.Id], DateTimeOffset.UtcNow), CancellationToken.None);
            console.MarkupLine($"Report: {Markup.Escape(Path.GetFullPath(path))}");
        }
        return RunSummary.ExitCode(outcome);
    }

    private static RunSpec ToSpec(BatchManifest manifest, BatchSettings settings) => new()
    {
        Kind = "batch",
        Name = manifest.Name ?? Path.GetFileNameWithoutExtension(manifest.SourcePath),
        Looks = [.. manifest.Looks.Select(l => new LookSpec
        {
            Id = l.Id, PersonId = l.PersonId, OutfitId = l.OutfitId, SettingId = l.SettingId, PersonImage = l.PersonImage, FaceImage = l.FaceImage,
            OutfitImages = l.OutfitImages, Person = l.Person, Environment = l.Environment, Description = l.Description,
        })],
        Models = manifest.Models,
        Durations = manifest.Durations,
        Video = new VideoSettings
        {
            Resolution = manifest.Video.Resolution, AspectRatio = manifest.Video.AspectRatio, Audio = manifest.Video.Audio,
            NegativePrompt = manifest.Video.NegativePrompt, Seed = manifest.Seed,
        },
        StrictDuration = manifest.StrictDuration,
        VideoPrompt = manifest.VideoPrompt,
        Seed = manifest.Seed,
        ImageAspectRatio = manifest.ImageAspectRatio,
        Concurrency = settings.Concurrency ?? manifest.Concurrency ?? RunSpecs.DefaultConcurrency,
        PerEndpointConcurrency = settings.PerEndpoint ?? manifest.PerEndpointConcurrency ?? RunSpecs.DefaultPerEndpoint,
        BudgetUsd = settings.Budget ?? manifest.BudgetUsd,
        UseCache = !settings.NoCache,
        Metrics = !settings.NoMetrics,
        TimeoutSeconds = settings.TimeoutSeconds,
    };
}
