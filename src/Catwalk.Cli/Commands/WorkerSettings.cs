using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk worker</c>: does queued jobs from the team's PostgreSQL database until stopped.</summary>
public sealed class WorkerSettings : FalCommandSettings
{
    [CommandOption("--concurrency <N>")]
    [Description("Jobs this worker works on at once (default 16). Per-endpoint limits and budgets hold across all workers.")]
    public int Concurrency { get; init; } = 16;

    [CommandOption("--name <NAME>")]
    [Description("This worker's name in the dashboard (default: host name); made unique per process.")]
    public string? Name { get; init; }

    [CommandOption("--jobs <N>", IsHidden = true)]
    [Description("Stop after this many jobs have ended (for measurements and tests).")]
    public int? StopAfter { get; init; }

    public override ValidationResult Validate()
    {
        if (Concurrency is < 1 or > 1024) return ValidationResult.Error($"--concurrency must be 1 to 1024, not {Concurrency}.");
        if (Name is { } name && (name.Length > 40 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')))
            return ValidationResult.Error($"--name takes up to 40 letters, digits, '-', '_' or '.', not '{name}'.");
        if (Emulator) return ValidationResult.Error("A worker does not start its own emulator (its jobs would die with it). Start a shared one with `catwalk emulator --port 8790` and point every worker at it with CATWALK_FAL_QUEUE_URL and CATWALK_FAL_STORAGE_URL.");
        return base.Validate();
    }
}
