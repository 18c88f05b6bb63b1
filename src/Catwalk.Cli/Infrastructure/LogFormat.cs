namespace Catwalk.Cli.Infrastructure;

/// <summary>How a long-running process (server, worker) writes its log: lines for people, or one JSON object per line for a log collector.</summary>
public enum LogFormat
{
    Text,
    Json,
}
