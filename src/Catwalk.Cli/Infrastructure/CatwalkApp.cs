using System.Reflection;
using Catwalk.Cli.Infrastructure.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure;

/// <summary>The command line: one command class per verb, built from dependency injection, errors as one clear line.</summary>
internal static class CatwalkApp
{
    /// <summary>Checks the whole line first (nothing is opened, started or sent for a mistyped one), then runs the command.</summary>
    public static Task<int> RunAsync(IAnsiConsole console, IConfiguration configuration, string[] args, CancellationToken cancellationToken)
    {
        if (CommandLineChecker.Check(args, CatwalkCommands.All) is { } problem)
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(problem)}");
            return Task.FromResult(ExitCodes.UserError);
        }
        if (args.Length > 0 && CatwalkCommands.All.FirstOrDefault(c => c.Name == args[0]) is { } command)
            UserErrorHandler.Command = args.Length > 1 && command.Children.Any(c => c.Name == args[1]) ? $"{args[0]} {args[1]}" : args[0];
        return Create(console, configuration).RunAsync(args, cancellationToken);
    }

    public static CommandApp Create(IAnsiConsole console, IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(console)
            .AddSingleton(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<StoreOpener>()
            .AddSingleton<BillingLookup>()
            .AddSingleton<ConnectionPlanner>()
            .AddSingleton<CommandHostFactory>();
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("catwalk");
            config.SetApplicationVersion(typeof(CatwalkApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");
            // Behind CommandLineChecker: an option Spectre does not know is an error, never silently ignored.
            config.UseStrictParsing();
            config.Settings.Console = console;
            config.Settings.ExceptionHandler = (exception, _) => UserErrorHandler.Handle(exception, console);
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;
            foreach (var command in CatwalkCommands.All) command.AddTo(config);
        });
        return app;
    }
}
