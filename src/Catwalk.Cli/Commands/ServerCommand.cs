using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Dashboard;
using Catwalk.Dashboard.Launch;
using Catwalk.Domain;
using Catwalk.Runs;
using Catwalk.Store;
using Catwalk.Workers;
using Catwalk.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk server --db "Host=…"</c>: the web dashboard, Hangfire's dashboard (<c>/jobs</c>) and the API over the
/// shared PostgreSQL store, until Ctrl+C. It does no fal work: runs launched here or posted to the API are stored and
/// enqueued for <c>catwalk worker</c> processes.
/// </summary>
internal sealed class ServerCommand(IAnsiConsole console, StoreOpener stores, CommandHostFactory hosts, IConfiguration configuration) : AsyncCommand<ServerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServerSettings settings, CancellationToken cancellationToken)
    {
        using var status = new StatusLines(console, LogOutput.Resolve(settings.LogFormat, configuration));
        var db = stores.Database(settings);
        if (!RunStoreFactory.IsPostgres(db)) throw new InvalidInputException(ServerSettings.WhyNot(db));
        var options = new DashboardOptions
        {
            OutputRoot = Path.GetFullPath(settings.OutputDirectory),
            Db = db,
            Host = settings.Host,
            Port = settings.Port,
            AccessToken = settings.Token,
            ConfigureServices = CatwalkOpenTelemetry.AddWebOpenTelemetry,
        };
        // Before anything is started, opened or connected to: a bad option is one line (exit code 2), with its value.
        DashboardServer.Validate(options);

        var connection = RunStoreFactory.PostgresConnectionString(db!);
        // The store is opened (and migrated) first, so an unreachable database is the store's clear error.
        var parts = await hosts.PrepareAsync(settings, queueOnly: true, status, cancellationToken);
        try
        {
            // Made without touching the database: QueueSchemaPreparer prepares its schema as the host starts, once every
            // option the host validates was found valid, so a bad one fails before Hangfire reaches PostgreSQL.
            var storage = HangfireStorageFactory.Create(connection, prepareSchema: false);
            // The dashboard's web app is the command's one host: Catwalk's services, the queue, the store opened once.
            options = options with
            {
                Store = parts.Store,
                ClusterStorage = storage,
                ConfigureServices = services =>
                {
                    parts.AddTo(services, web: true);
                    services.AddHostedService(_ => new QueueSchemaPreparer(connection));
                    services.AddCatwalkQueue(storage);
                    services.AddSingleton<IRunLauncher>(sp => new QueueRunLauncher(sp.GetRequiredService<RunService>(), sp.GetRequiredService<RunQueue>(), sp.GetRequiredService<ModelCatalog>(), options.OutputRoot, parts.Connection.Emulated));
                },
            };
            DashboardServer server;
            try { server = await DashboardServer.StartAsync(options, cancellationToken); }
            catch (ArgumentException e) { throw new InvalidInputException(e.Message); }
            await using (server)
            {
                var queue = server.Services.GetRequiredService<QueueRunLauncher>().Queue;
                PrintWhereAndHow(status, server.BaseUri, parts.Store.Description, queue, connection, settings.Token is { Length: > 0 });
                try { await Task.Delay(Timeout.Infinite, cancellationToken); }
                catch (OperationCanceledException) { }
            }
        }
        finally
        {
            await parts.DisposeAsync();
        }
        status.Say("Server stopped. Queued jobs stay in the database for the workers.");
        return ExitCodes.Success;
    }

    private static void PrintWhereAndHow(StatusLines status, Uri baseUri, string store, string queue, string connection, bool token)
    {
        var url = baseUri.ToString();
        status.Say($"Server on [bold]{Markup.Escape(url)}[/]  (health: {Markup.Escape(url)}healthz, {Markup.Escape(url)}readyz · Hangfire: {Markup.Escape(url)}jobs · API: POST {Markup.Escape(url)}api/batches, GET {Markup.Escape(url)}api/cluster)");
        status.Say($"Store: {Markup.Escape(store)}");
        status.Say($"Runs are enqueued on the workers' [bold]{queue}[/] queue; this server does no fal work itself.");
        status.Say($"Start workers (on any machine that reaches the database): [bold]catwalk worker --db \"{Markup.Escape(WithoutPassword(connection, out var hadPassword))}\"[/]"
            + (hadPassword ? " plus your password (Password=… or PGPASSWORD)" : "")
            + (queue == WorkerQueues.Emulated
                ? ", without FAL_KEY and with CATWALK_FAL_QUEUE_URL / CATWALK_FAL_STORAGE_URL at a shared `catwalk emulator` (emulated runs)"
                : ", with FAL_KEY set"));
        // The token is a secret: never printed. Opening the URL once with ?token=… sets a cookie for the browser.
        if (token) status.Say("Access needs the token you gave: open the address once with [bold]?token=<your token>[/], or send it as a Bearer header (the API).");
        status.Say("Press Ctrl+C to stop.");
    }

    /// <summary>The connection string to repeat to the user, its password (a secret) left out.</summary>
    private static string WithoutPassword(string connection, out bool hadPassword)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        hadPassword = !string.IsNullOrEmpty(builder.Password);
        builder.Password = null;
        return builder.ConnectionString;
    }
}
