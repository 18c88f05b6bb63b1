using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Catwalk.Cli.Infrastructure;

/// <summary>The console log of a command: one line per entry as text, or JSON lines (UTC timestamps) for <c>--log-format json</c>.</summary>
internal static class LogOutput
{
    /// <summary>The option when given, else <c>CATWALK_LOG_FORMAT</c>, else text.</summary>
    public static LogFormat Resolve(LogFormat? option, IConfiguration configuration)
    {
        if (option is { } given) return given;
        return configuration["Catwalk:LogFormat"] switch
        {
            null or "" => LogFormat.Text,
            var value when Enum.TryParse<LogFormat>(value, ignoreCase: true, out var format) => format,
            var value => throw new Domain.InvalidInputException($"CATWALK_LOG_FORMAT='{value}' is not a log format: use text or json."),
        };
    }

    public static void Configure(ILoggingBuilder logging, LogFormat format, bool verbose)
    {
        logging.ClearProviders();
        if (format == LogFormat.Json)
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = false;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
            // A collector wants the process's own story (started, jobs, stopping) at Information; the framework's chatter stays out.
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information)
                .AddFilter("System.Net.Http", LogLevel.Warning)
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Hangfire", LogLevel.Warning)
                .AddFilter("Polly", LogLevel.Warning);
        }
        else logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
    }
}
