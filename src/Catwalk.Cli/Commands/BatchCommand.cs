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
internal sealed class BatchCommand(IAnsiConsole console, CommandHostFactory hosts, StoreOpener stores) : AsyncCommand<BatchSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BatchSettings settings, CancellationToken cancellationToken)
    {
        // The manifest is read and checked (files, fields, models) before anything starts, so a mistake costs nothing.
        var catalog = UserCatalog.Load(settings.CatalogFiles);
        var manifest = ManifestReader.Load(settings.Manifest, [.. catalog.Models.Where(m => m.IsVideo).Select(m => m.Key)],
            [.. Runs.Planning.ImageModelSelection.Dressing(catalog).Select(m => m.Key)]);
        var spec = ManifestSpecs.ToSpec(manifest, new BatchOverrides
        {
            Concurrency = settings.Concurrency, PerEndpointConcurrency = settings.PerEndpoint, BudgetUsd = settings.Budget,
            UseCache = !settings.NoCache, Metrics = !settings.NoMetrics, TimeoutSeconds = settings.TimeoutSeconds,
            GateImage = settings.GateImage,
        });
        if (settings.Turnaround) spec = spec with { Turnaround = true };
        if (settings.Angles is not null) spec = spec with { Angles = CameraAngles.Parse(settings.Angles) };
        if (settings.ImageModels is not null) spec = spec with { ImageModels = Runs.Planning.ImageModelSelection.Resolve(catalog, settings.ImageModels) };
        if (settings.Enqueue) return await EnqueueAsync(spec, settings, catalog, cancellationToken);
        if (!settings.PlanOnly) Runs.Gate.ImageGatePreflight.Check(spec);

        await using var host = await hosts.StartAsync(settings, cancellationToken, catalog: catalog);
        spec = spec with { MetricFrames = MetricFramesDefault.For(settings.MetricFrames, settings.NoMetrics, host.Emulated) };
        var runs = host.Get<RunService>();
        var plan = runs.Plan(spec);
        BatchPlanPrinter.Print(console, spec, plan);
        foreach (var note in Runs.Planning.TryOnChain.LeftOut(spec, catalog)) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        if (settings.PlanOnly) return ExitCodes.Success;

        var run = await runs.CreateAsync(spec, settings.OutputDirectory, host.Emulated, cancellationToken, SchemaPreflight.Warnings(console));
        console.MarkupLine($"[grey]Batch run {run.Id} recorded in {Markup.Escape(host.Store.Description)}; if it is interrupted, `catwalk resume {run.Id}` finishes it.[/]");
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
    private async Task<int> EnqueueAsync(RunSpec spec, BatchSettings settings, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var db = stores.Database(settings);
        if (!RunStoreFactory.IsPostgres(db))
            throw new InvalidInputException("--enqueue needs the PostgreSQL database the workers use: --db \"Host=…;Database=…;Username=…\" (or CATWALK_DB). Without workers, leave --enqueue out and the batch runs here.");
        // Made once the host has validated its options: it prepares its schema in the database.
        await using var host = await hosts.StartAsync(settings, cancellationToken, queueOnly: true,
            configure: services => services.AddCatwalkQueue(_ => HangfireStorageFactory.Create(RunStoreFactory.PostgresConnectionString(db!))), catalog: catalog);
        spec = spec with { MetricFrames = MetricFramesDefault.For(settings.MetricFrames, settings.NoMetrics, host.Emulated) };
        var runs = host.Get<RunService>();
        var plan = runs.Plan(spec);
        BatchPlanPrinter.Print(console, spec, plan);
        if (settings.PlanOnly) return ExitCodes.Success;

        var queued = await host.Get<RunQueue>().SubmitAsync(spec, settings.OutputDirectory, host.Emulated, cancellationToken);
        console.MarkupLine($"Batch run [bold]{queued.RunId}[/] stored in {Markup.Escape(host.Store.Description)}; {queued.Jobs} job(s) queued for workers on the [bold]{queued.Queue}[/] queue.");
        console.MarkupLine($"[grey]Workers save into {Markup.Escape(queued.OutputRoot ?? "")} and read the manifest's images where it names them: on several machines, that must be a shared folder at the same path.[/]");
        console.MarkupLine($"Start workers with `catwalk worker --db …`; follow it with `catwalk report --run {queued.RunId[..12]} --db …` or the dashboard.");
        return ExitCodes.Success;
    }
}
