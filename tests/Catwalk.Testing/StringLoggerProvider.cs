using System.Text;
using Microsoft.Extensions.Logging;

namespace Catwalk.Testing;

/// <summary>Collects every log line (with exceptions) into a string, so tests can search what was logged — e.g. for the key.</summary>
public sealed class StringLoggerProvider(StringBuilder sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

    public void Dispose() { }

    private sealed class Logger(StringBuilder sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (sink) sink.AppendLine($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
