using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// What a server or worker tells its operator (where it listens, jobs done, stopping): console lines as text, or
/// log entries in the JSON log, so that every line of a JSON-logging process is JSON.
/// </summary>
internal sealed class StatusLines : IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly ILoggerFactory? _logging;
    private readonly ILogger? _log;

    public StatusLines(IAnsiConsole console, LogFormat format)
    {
        (_console, Format) = (console, format);
        if (format != LogFormat.Json) return;
        _logging = LoggerFactory.Create(b => LogOutput.Configure(b, format, verbose: false));
        _log = _logging.CreateLogger("Catwalk");
    }

    public LogFormat Format { get; }

    /// <summary>Says a line written in Spectre markup (its markup dropped in JSON).</summary>
    public void Say(string markup)
    {
        if (_log is null) _console.MarkupLine(markup);
        else _log.LogInformation("{Message}", Markup.Remove(markup));
    }

    public void Dispose() => _logging?.Dispose(); // flushes the JSON lines still queued
}
