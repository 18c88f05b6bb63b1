using Catwalk.Cli.Infrastructure;
using Catwalk.Dashboard;
using Catwalk.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk dashboard</c>: the web dashboard over the run store, on 127.0.0.1 until Ctrl+C.</summary>
internal sealed class DashboardCommand(IAnsiConsole console, StoreOpener stores, FalSessionFactory sessions) : AsyncCommand<DashboardSettings>
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
        try { DashboardServer.CheckListenAddress(options); }
        catch (ArgumentException e) { throw new InvalidInputException(e.Message); }
        // The launch page's connection: fal with FAL_KEY, else the emulator (started here, stopped with the dashboard).
        // Disposed after the server: runs it started are cancelled there and stay resumable.
        // Without it (no ffmpeg for the emulator) the dashboard still shows everything; only its launch page is off.
        SessionRunLauncher? launcher = null;
        try { launcher = new SessionRunLauncher(await sessions.CreateAsync(settings, cancellationToken), options.OutputRoot); }
        catch (InvalidInputException e) { console.MarkupLine($"[yellow]Launching runs from the browser is off:[/] {Markup.Escape(e.Message)}"); }
        await using var owned = launcher;
        options = options with { Launcher = launcher };
        DashboardServer server;
        try { server = await DashboardServer.StartAsync(options, cancellationToken); }
        catch (ArgumentException e) { throw new InvalidInputException(e.Message); }
        await using (server)
        {
            console.MarkupLine($"Dashboard on [bold]{Markup.Escape(server.BaseUri.ToString())}[/]");
            // The token is a secret: never printed. Opening the URL once with ?token=… sets a cookie for the browser.
            if (settings.Token is { Length: > 0 }) console.MarkupLine("Access needs the token you gave: open the address once with [bold]?token=<your token>[/] (or send it as a Bearer header).");
            console.MarkupLine("Press Ctrl+C to stop.");
            try { await Task.Delay(Timeout.Infinite, cancellationToken); }
            catch (OperationCanceledException) { }
        }
        console.MarkupLine("Dashboard stopped.");
        return ExitCodes.Success;
    }
}
