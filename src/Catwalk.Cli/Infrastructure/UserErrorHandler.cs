using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Turns exceptions into one clear line and an exit code. User mistakes and fal's errors never show a stack trace;
/// an unexpected error shows its type and message, and the trace only with --verbose.
/// </summary>
internal static class UserErrorHandler
{
    public static bool Verbose { get; set; }

    /// <summary>The command being run, for the pointer to its help.</summary>
    public static string Command { get; set; } = "COMMAND";

    public static int Handle(Exception exception, IAnsiConsole console)
    {
        var e = Unwrap(exception);
        var (code, text) = e switch
        {
            InvalidInputException or UnsupportedSettingException or UnknownModelException or CatalogException => (ExitCodes.UserError, e.Message),
            // Spectre's own parse and settings-validation errors: a mistake on the command line.
            Spectre.Console.Cli.CommandAppException => (ExitCodes.UserError, $"{e.Message.TrimEnd('.')}. See `catwalk {Command} --help`."),
            FalValidationException => (ExitCodes.UserError, e.Message),
            // A bad setting, refused when the command's host started: before anything was sent or stored.
            OptionsValidationException options => (ExitCodes.UserError, SettingProblem.Describe([options])),
            AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
                (ExitCodes.UserError, SettingProblem.Describe(many.InnerExceptions.Cast<OptionsValidationException>())),
            FalException => (ExitCodes.FalError, e.Message),
            HttpRequestException http => (ExitCodes.FalError, $"Could not reach fal: {http.Message}. Check your network, or run `catwalk check`."),
            OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
            _ => (ExitCodes.FalError, $"Unexpected error ({e.GetType().Name}): {e.Message}" + (Verbose ? "" : " (run with --verbose for details)")),
        };
        console.MarkupLine($"[red]Error:[/] {Markup.Escape(text)}");
        if (Verbose) console.WriteException(e, ExceptionFormats.ShortenEverything);
        return code;
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        Spectre.Console.Cli.CommandRuntimeException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };
}
