using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Cli.Terminal;
using Catwalk.Manifests;
using Catwalk.Runs;
using Catwalk.Runs.Reports;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Workers;
using Catwalk.Workers.Hosting;
using Catwalk.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk batch manifest.yaml</c>: the manifest expanded into jobs, estimated, checked against the budget, then run durably.</summary>
internal sealed class BatchCommand(IAnsiConsole console, FalSessionFactory sessions, StoreOpener stores) : AsyncCommand<BatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BatchSettings settings, CancellationToken cancellationToken)
    {
        // The manifest is read and checked (files, fields, models) before anything starts, so a mistake costs nothing.
        var catalog = ModelCatalog.WithFiles(settings.CatalogFiles ?? []);
        var manifest = ManifestReader.Load(settings.Manifest, [.. catalog.Models.Where(m => m.IsVideo).Select(m => m.Key)]);
        var spec = ToSpec(manifest, settings);
        if (settings.Enqueue) return await EnqueueAsync(spec, settings, cancellationToken);

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

    /// <summary>Stores the run and queues its jobs for the workers; nothing is sent to fal from here.</summary>
    private async Task<int> EnqueueAsync(RunSpec spec, BatchSettings settings, CancellationToken cancellationToken)
    {
        var db = stores.Database(settings);
        if (!RunStoreFactory.IsPostgres(db))
            throw new InvalidInputException("--enqueue needs the PostgreSQL database the workers use: --db \"Host=…;Database=…;Username=…\" (or CATWALK_DB). Without workers, leave --enqueue out and the batch runs here.");
        var storage = HangfireStorageFactory.Create(RunStoreFactory.PostgresConnectionString(db!));
        await using var session = await sessions.CreateAsync(settings, cancellationToken, queueOnly: true, configure: services => services.AddCatwalkQueue(storage));
        var runs = session.Get<RunService>();
        var plan = runs.Plan(spec);
        BatchPlanPrinter.Print(console, spec, plan);
        if (settings.PlanOnly) return ExitCodes.Success;

        var run = await runs.CreateAsync(spec, settings.OutputDirectory, session.Emulated, cancellationToken);
        var queued = session.Get<RunEnqueuer>().Enqueue(run, spec, await session.Store.GetJobsAsync(run.Id, CancellationToken.None));
        console.MarkupLine($"Batch run [bold]{run.Id}[/] stored in {Markup.Escape(session.Store.Description)}; {queued} job(s) queued for workers on the [bold]{WorkerQueues.For(run.Emulated)}[/] queue.");
        console.MarkupLine($"[grey]Workers save into {Markup.Escape(run.OutputRoot)} and read the manifest's images where it names them: on several machines, that must be a shared folder at the same path.[/]");
        console.MarkupLine($"Start workers with `catwalk worker --db …`; follow it with `catwalk report --run {run.Id[..12]} --db …` or the dashboard.");
        return ExitCodes.Success;
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
