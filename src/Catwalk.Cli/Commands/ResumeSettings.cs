using System.ComponentModel;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk resume [RUN]</c>.</summary>
public sealed class ResumeSettings : FalCommandSettings
{
    [CommandArgument(0, "[RUN]")]
    [Description("The run's id (or a unique start of it). None: every unfinished run in the store.")]
    public string? RunId { get; init; }

    [CommandOption("--retry-failed")]
    [Description("Also send jobs that failed again (fal does not bill failed jobs).")]
    public bool RetryFailed { get; init; }

    [CommandOption("--resubmit-unknown")]
    [Description("Also send jobs that may have reached fal without an answer — they may be paid twice.")]
    public bool ResubmitUnknown { get; init; }
}
