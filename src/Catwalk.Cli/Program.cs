using Catwalk.Cli.Infrastructure;
using Spectre.Console;

// catwalk: person + outfit → image → videos from every fal model, compared. See README.md.
var console = AnsiConsole.Console;
TerminalWidth.Apply(console);
UserErrorHandler.Verbose = args.Contains("--verbose") || args.Contains("-v");
using var ctrlC = new CtrlC();
var app = CatwalkApp.Create(console, CliConfiguration.Load());
return await app.RunAsync(args, ctrlC.Token);
