using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>Options shared by every command that calls fal.</summary>
public abstract class FalCommandSettings : StoreSettings
{
    [CommandOption("--no-metrics")]
    [Description("Do not measure each video's quality (ffmpeg) after download; `catwalk metrics --run` can do it later.")]
    public bool NoMetrics { get; init; }

    [CommandOption("--no-cache")]
    [Description("Always send: do not reuse an identical earlier job's result (same model, arguments, input files and seed).")]
    public bool NoCache { get; init; }

    [CommandOption("--emulator")]
    [Description("Use Catwalk's built-in fal emulator even when FAL_KEY is set.")]
    public bool Emulator { get; init; }

    [CommandOption("--latency-scale <FACTOR>")]
    [Description("Emulator only: × each model's typical latency (0 = instant, 1 = realistic). Default 0.02.")]
    public double? LatencyScale { get; init; }

    [CommandOption("--catalog <FILE>")]
    [Description("Extra model catalog file (JSON); its entries add or replace models. Repeatable.")]
    public string[]? CatalogFiles { get; init; }

    [CommandOption("--prompt-templates <FILE>")]
    [Description("Prompt template file (JSON) replacing the built-in lines.")]
    public string? PromptTemplates { get; init; }

    [CommandOption("--data-uris")]
    [Description("Send reference images inline as data URIs instead of uploading them once to fal storage.")]
    public bool DataUris { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Give up waiting on a job after this long (its request id is kept).")]
    public int? TimeoutSeconds { get; init; }

    [CommandOption("--start-deadline <SECONDS>")]
    [Description("fal drops a job it has not started within this long, unbilled (x-fal-request-timeout). It bounds how long a job whose answer was lost stays undecided: past it, resume sends it again if fal never started it. Default 1800.")]
    public int? StartDeadlineSeconds { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Show fal's logs, debug output and error details.")]
    public bool Verbose { get; init; }

    public TimeSpan? Timeout => TimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    public override ValidationResult Validate()
    {
        if (LatencyScale is < 0 or > 100) return ValidationResult.Error($"--latency-scale must be between 0 and 100, not {LatencyScale}.");
        if (TimeoutSeconds is <= 0) return ValidationResult.Error($"--timeout must be a positive number of seconds, not {TimeoutSeconds}.");
        if (StartDeadlineSeconds is { } deadline && (deadline < 2 || deadline > 7 * 24 * 3600))
            return ValidationResult.Error($"--start-deadline must be 2 to 604800 seconds (fal's clients refuse 1 s or less), not {deadline}.");
        foreach (var file in CatalogFiles ?? [])
            if (!File.Exists(file)) return ValidationResult.Error($"--catalog file '{file}' does not exist.");
        if (PromptTemplates is { } t && !File.Exists(t)) return ValidationResult.Error($"--prompt-templates file '{t}' does not exist.");
        return base.Validate();
    }
}
