using Catwalk.Cli.Infrastructure;
using Spectre.Console;

// catwalk: person + outfit → image → videos from every fal model, compared. See README.md.
var console = AnsiConsole.Console;
TerminalWidth.Apply(console);
UserErrorHandler.Verbose = args.Contains("--verbose") || args.Contains("-v");
using var ctrlC = new CtrlC();
var configuration = CliConfiguration.Load();
foreach (var warning in ConfigurationCheck.Warnings(configuration, CliConfiguration.Environment())) Console.Error.WriteLine($"Warning: {warning}");
return await CatwalkApp.RunAsync(console, configuration, args, ctrlC.Token);
