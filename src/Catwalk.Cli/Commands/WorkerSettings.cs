using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk worker</c>: does queued jobs from the team's PostgreSQL database until stopped.</summary>
public sealed class WorkerSettings : FalCommandSettings, IOperableSettings
{
    [CommandOption("--concurrency <N>")]
    [Description("Jobs this worker works on at once (default 16). Per-endpoint limits and budgets hold across all workers.")]
    public int Concurrency { get; init; } = 16;

    [CommandOption("--name <NAME>")]
    [Description("This worker's name in the dashboard (default: host name); made unique per process.")]
    public string? Name { get; init; }

    [CommandOption("--log-format <FORMAT>")]
    [Description("text (default) or json: one JSON object per line, for a log collector (or set CATWALK_LOG_FORMAT).")]
    public Infrastructure.LogFormat? LogFormat { get; init; }

    [CommandOption("--health-port <PORT>")]
    [Description("Serve /healthz (process up) and /readyz (database, schema, job queue) on this port, on all interfaces (default: off).")]
    public int? HealthPort { get; init; }

    [CommandOption("--drain-seconds <SECONDS>")]
    [Description("On SIGTERM or Ctrl+C, take no new jobs and let jobs in hand finish for this long before handing them back (default 30).")]
    public int DrainSeconds { get; init; } = 30;

    [CommandOption("--jobs <N>", IsHidden = true)]
    [Description("Stop after this many jobs have ended (for measurements and tests).")]
    public int? StopAfter { get; init; }

    public override ValidationResult Validate()
    {
        if (Concurrency is < 1 or > 1024) return ValidationResult.Error($"--concurrency must be 1 to 1024, not {Concurrency}.");
        if (Name is { } name && (name.Length > 40 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')))
            return ValidationResult.Error($"--name takes up to 40 letters, digits, '-', '_' or '.', not '{name}'.");
        if (HealthPort is < 1 or > 65535) return ValidationResult.Error($"--health-port must be a TCP port, 1 to 65535, not {HealthPort}.");
        if (DrainSeconds is < 0 or > 3600) return ValidationResult.Error($"--drain-seconds must be 0 to 3600, not {DrainSeconds}.");
        if (Emulator) return ValidationResult.Error("A worker does not start its own emulator (its jobs would die with it). Start a shared one with `catwalk emulator --port 8790` and point every worker at it with CATWALK_FAL_QUEUE_URL and CATWALK_FAL_STORAGE_URL.");
        return base.Validate();
    }
}
