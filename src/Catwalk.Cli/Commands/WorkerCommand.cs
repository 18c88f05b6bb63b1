using Catwalk.Cli.Infrastructure;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Store;
using Catwalk.Workers;
using Catwalk.Dashboard.Health;
using Catwalk.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk worker --db "Host=…"</c>: one of any number of worker processes on any number of machines. It takes
/// queued jobs from the shared database and does them as a single process would — request ids stored before waiting,
/// nothing sent twice — until Ctrl+C, which leaves what it held for the other workers.
/// </summary>
internal sealed class WorkerCommand(IAnsiConsole console, CommandHostFactory hosts, StoreOpener stores, IConfiguration configuration) : AsyncCommand<WorkerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        using var status = new StatusLines(console, LogOutput.Resolve(settings.LogFormat, configuration));
        var db = stores.Database(settings);
        if (!RunStoreFactory.IsPostgres(db))
            throw new InvalidInputException("catwalk worker needs the team's PostgreSQL database, shared with `catwalk server` and the other workers: --db \"Host=…;Database=…;Username=…\" (or CATWALK_DB). A SQLite file belongs to one machine.");
        var customServer = FalEndpoints.From(configuration).CustomServer;
        if (FalKey.FromEnvironment() is null && !customServer)
            throw new InvalidInputException("No FAL_KEY set, and a worker does not start its own emulator (its jobs would die with it). For emulated runs, start a shared one with `catwalk emulator --port 8790` and give every worker CATWALK_FAL_QUEUE_URL=http://HOST:8790 and CATWALK_FAL_STORAGE_URL=http://HOST:8790; for fal, set FAL_KEY.");

        var name = WorkerIdentity.NewName(settings.Name);
        // Read as written (never fails to bind); the host's start refuses a value out of range before any job is taken.
        var configured = configuration.GetSection(WorkerHostOptions.Section).Get<WorkerHostOptions>() ?? new WorkerHostOptions();
        await using var host = await hosts.StartAsync(settings, cancellationToken, configure: services =>
        {
            // Before the start only to name the slots' lifetime; nothing uses it unless the start found it valid.
            services.AddCatwalkWorker(name, configured.Takeover);
            services.AddOptions<WorkerHostOptions>().BindConfiguration(WorkerHostOptions.Section).ValidateOnStart();
            services.AddSingleton<IValidateOptions<WorkerHostOptions>, WorkerHostOptionsValidator>();
            // Created once the options are valid (it prepares its schema in the database): how long a dead worker's
            // jobs wait before another takes them over is Hangfire's invisibility timeout.
            services.AddSingleton<Hangfire.JobStorage>(sp => HangfireStorageFactory.Create(RunStoreFactory.PostgresConnectionString(db!), sp.GetRequiredService<IOptions<WorkerHostOptions>>().Value.Takeover));
        }, status: status, health: settings.HealthPort is { } port ? new HealthEndpoint(port) : null);
        var identity = host.Get<WorkerIdentity>();
        var storage = host.Get<Hangfire.JobStorage>();
        var stats = host.Get<WorkerStats>();
        status.Say($"Worker [bold]{Markup.Escape(identity.Name)}[/]: {settings.Concurrency} at once from the [bold]{identity.Queue}[/] queue of {Markup.Escape(host.Store.Description)}."
            + (settings.HealthPort is null ? "" : $" Health: http://0.0.0.0:{settings.HealthPort}{HealthEndpoints.Live} and {HealthEndpoints.Ready}.")
            + $" Ctrl+C or SIGTERM stops it: jobs in hand get {settings.DrainSeconds} s to finish, then go to other workers.");
        var drain = TimeSpan.FromSeconds(settings.DrainSeconds);
        var worker = CatwalkWorker.Start(host.Services, storage, settings.Concurrency, drain, logging => LogOutput.Configure(logging, status.Format, verbose: false));
        try
        {
            await ReportUntilAsync(stats, settings.StopAfter, status, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status.Say($"Stopping: no new jobs; jobs in hand have {settings.DrainSeconds} s to finish, then stop at a safe point (a job at fal stays with its request id for the next worker)…");
        }
        finally
        {
            await worker.DisposeAsync();
        }
        status.Say($"Worker stopped: {stats.Downloaded} job(s) saved, {stats.Failed} ended otherwise.");
        return ExitCodes.Success;
    }

    /// <summary>A line every 10 s while jobs end (saved, other, jobs/s); returns once <paramref name="stopAfter"/> jobs have ended, if given.</summary>
    private static async Task ReportUntilAsync(WorkerStats stats, int? stopAfter, StatusLines status, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var (lastEnded, lastLine) = (0, started);
        while (stopAfter is null || stats.Ended < stopAfter)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            if (TimeProvider.System.GetElapsedTime(lastLine).TotalSeconds < 10 || stats.Ended == lastEnded) continue;
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            status.Say($"[grey]{stats.Downloaded} saved, {stats.Failed} ended otherwise — {stats.Ended / seconds:0.0} jobs/s since start[/]");
            (lastEnded, lastLine) = (stats.Ended, TimeProvider.System.GetTimestamp());
        }
    }
}
