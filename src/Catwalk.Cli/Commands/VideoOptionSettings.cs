using System.ComponentModel;
using Catwalk.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>Options of commands that make videos.</summary>
public abstract class VideoOptionSettings : FalCommandSettings
{
    [CommandOption("-m|--models <KEYS>")]
    [Description("Video models: comma-separated keys (see `catwalk models`) or 'all'.")]
    [DefaultValue("all")]
    public string Models { get; init; } = "all";

    [CommandOption("-d|--duration <SECONDS>")]
    [Description("Video length. With several models each gets the nearest it supports (ties: longer) unless --strict-duration.")]
    public int? Duration { get; init; }

    [CommandOption("--strict-duration")]
    [Description("Refuse instead of fitting a duration or resolution a model cannot take.")]
    public bool StrictDuration { get; init; }

    [CommandOption("--resolution <RES>")]
    [Description("e.g. 720p or 1080p; models that lack it get the nearest.")]
    public string? Resolution { get; init; }

    [CommandOption("--aspect-ratio <RATIO>")]
    [Description("e.g. 9:16 or 16:9; models without it follow the image.")]
    public string? AspectRatio { get; init; }

    [CommandOption("--no-audio")]
    [Description("Ask models that can switch audio off to make silent video (cheaper on Veo3 and Kling).")]
    public bool NoAudio { get; init; }

    [CommandOption("--seed <N>")]
    public long? Seed { get; init; }

    [CommandOption("--negative-prompt <TEXT>")]
    public string? NegativePrompt { get; init; }

    public VideoSettings ToVideoSettings() => new()
    {
        DurationSeconds = Duration,
        Resolution = Resolution,
        AspectRatio = AspectRatio,
        Audio = NoAudio ? false : null,
        Seed = Seed,
        NegativePrompt = NegativePrompt,
    };

    public IReadOnlyList<string> ModelKeys =>
        Models.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) ? [] : Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [CommandOption("--metric-frames <N>")]
    [Description("Also measure fashion quality (identity, full body in frame, garment colour; needs Node.js) on N frames of each video after download. About 3 s of CPU per video at 8. Default: 8 against fal, 0 (none) on the emulator, whose frames say nothing about a model.")]
    public int? MetricFrames { get; init; }

    public override ValidationResult Validate()
    {
        if (MetricFrames is < 0 or > 64) return ValidationResult.Error($"--metric-frames must be 0 (none) to 64 (8 is a good start), not {MetricFrames}.");
        if (MetricFrames is > 0 && NoMetrics) return ValidationResult.Error("--metric-frames asks for metrics and --no-metrics turns them off: give one of them.");
        if (Duration is <= 0) return ValidationResult.Error($"--duration must be a positive number of seconds, not {Duration}.");
        if (Seed is < 0) return ValidationResult.Error($"--seed must be 0 or more, not {Seed}.");
        if (Resolution is { } r && !System.Text.RegularExpressions.Regex.IsMatch(r, "^[0-9]{3,4}p$"))
            return ValidationResult.Error($"--resolution '{r}' is not like 720p or 1080p.");
        if (AspectRatio is { } a && a != "auto" && VideoGeometry.ParseAspect(a) is null)
            return ValidationResult.Error($"--aspect-ratio '{a}' is not like 9:16, 16:9 or auto.");
        if (string.IsNullOrWhiteSpace(Models)) return ValidationResult.Error("--models is empty; give model keys or 'all'.");
        return base.Validate();
    }
}
