using Catwalk.Catalog;
using Catwalk.Cli.Infrastructure;
using Catwalk.Dashboard;
using Catwalk.Dashboard.Launch;
using Catwalk.Domain;
using Catwalk.Runs;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk dashboard</c>: the web dashboard over the run store, on 127.0.0.1 until Ctrl+C.</summary>
internal sealed class DashboardCommand(IAnsiConsole console, StoreOpener stores, CommandHostFactory hosts) : AsyncCommand<DashboardSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DashboardSettings settings, CancellationToken cancellationToken)
    {
        var options = new DashboardOptions
        {
            OutputRoot = Path.GetFullPath(settings.OutputDirectory),
            Db = stores.Database(settings),
            Host = settings.Host,
            Port = settings.Port,
            AccessToken = settings.Token,
            ConfigureServices = CatwalkOpenTelemetry.AddWebOpenTelemetry,
        };
        // Before anything is started, opened or connected to: a bad option is one line (exit code 2), with its value.
        DashboardServer.Validate(options);
        // The launch page's connection: fal with FAL_KEY, else the emulator (started here, stopped after the dashboard).
        // Without it (no ffmpeg for the emulator) the dashboard still shows everything; only its launch page is off.
        CommandHostParts? parts = null;
        try { parts = await hosts.PrepareAsync(settings, queueOnly: false, status: null, cancellationToken); }
        catch (InvalidInputException e) { console.MarkupLine($"[yellow]Launching runs from the browser is off:[/] {Markup.Escape(e.Message)}"); }
        try
        {
            if (parts is not null) options = WithLauncher(options, parts);
            DashboardServer server;
            try { server = await DashboardServer.StartAsync(options, cancellationToken); }
            catch (ArgumentException e) { throw new InvalidInputException(e.Message); }
            // Disposing the server disposes the launcher: runs it started are cancelled there and stay resumable.
            await using (server)
            {
                console.MarkupLine($"Dashboard on [bold]{Markup.Escape(server.BaseUri.ToString())}[/]");
                // The token is a secret: never printed. Opening the URL once with ?token=… sets a cookie for the browser.
                if (settings.Token is { Length: > 0 }) console.MarkupLine("Access needs the token you gave: open the address once with [bold]?token=<your token>[/] (or send it as a Bearer header).");
                console.MarkupLine("Press Ctrl+C to stop.");
                try { await Task.Delay(Timeout.Infinite, cancellationToken); }
                catch (OperationCanceledException) { }
            }
        }
        finally
        {
            if (parts is not null) await parts.DisposeAsync();
        }
        console.MarkupLine("Dashboard stopped.");
        return ExitCodes.Success;
    }

    /// <summary>The dashboard's web app becomes the command's one host: Catwalk's services, the store opened once, runs in this process.</summary>
    private static DashboardOptions WithLauncher(DashboardOptions options, CommandHostParts parts) => options with
    {
        Store = parts.Store,
        ConfigureServices = services =>
        {
            parts.AddTo(services, web: true);
            services.AddSingleton<IRunLauncher>(sp => new RunServiceLauncher(sp.GetRequiredService<RunService>(), sp.GetRequiredService<ModelCatalog>(), options.OutputRoot, parts.Connection.Emulated));
        },
    };
}
