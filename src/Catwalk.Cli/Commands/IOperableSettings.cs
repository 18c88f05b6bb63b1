namespace Catwalk.Cli.Commands;

/// <summary>The options of a process an operator runs as a service (<c>server</c>, <c>worker</c>): its log format.</summary>
public interface IOperableSettings
{
    /// <summary>null: <c>CATWALK_LOG_FORMAT</c>, else text.</summary>
    Infrastructure.LogFormat? LogFormat { get; }
}
