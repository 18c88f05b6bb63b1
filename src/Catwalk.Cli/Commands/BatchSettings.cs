using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk batch</c>: people × outfits × settings × models × durations from a manifest.</summary>
public sealed class BatchSettings : FalCommandSettings
{
    [CommandArgument(0, "<MANIFEST>")]
    [Description("The batch manifest: YAML or JSON (see docs/batch-manifest.md).")]
    public string Manifest { get; init; } = "";

    [CommandOption("--plan")]
    [Description("Dry run: print the jobs and the cost estimate, send nothing.")]
    public bool PlanOnly { get; init; }

    [CommandOption("--budget <USD>")]
    [Description("Refuse to start when the estimate is over this; stop sending when the running total would pass it. Overrides the manifest's.")]
    public decimal? Budget { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Write a machine-readable report (JSON) of the batch here.")]
    public string? Report { get; init; }

    [CommandOption("--concurrency <N>")]
    [Description("Jobs at fal at once, overall (default: the manifest's, else 16).")]
    public int? Concurrency { get; init; }

    [CommandOption("--per-endpoint <N>")]
    [Description("Jobs at fal at once per model endpoint (default: the manifest's, else 4).")]
    public int? PerEndpoint { get; init; }

    [CommandOption("--enqueue")]
    [Description("Store the batch and queue its jobs for `catwalk worker` processes (PostgreSQL --db only); returns at once.")]
    public bool Enqueue { get; init; }

    [CommandOption("--metric-frames <N>")]
    [Description("Also measure fashion quality (identity, full body in frame, garment colour; needs Node.js) on N frames of each video after download. About 3 s of CPU per video at 8. Default: 8 against fal, 0 (none) on the emulator, whose frames say nothing about a model.")]
    public int? MetricFrames { get; init; }

    [CommandOption("--image-models <KEYS>")]
    [Description("Image models that each dress every look (comma-separated catalog keys, or all), over the manifest's image_models.")]
    public string? ImageModels { get; init; }

    [CommandOption("--angles <ANGLES>")]
    [Description("Camera angles for every look (front, three-quarter, side, back, or all), over the manifest's angles.")]
    public string? Angles { get; init; }

    [CommandOption("--turnaround")]
    [Description("One more video per look, image model and video model: a slow 360° turn from the front image (as the manifest's turnaround: true).")]
    public bool Turnaround { get; init; }

    [CommandOption("--gate-image")]
    [Description("Send no video of an image whose face changed or was lost or whose outfit's colours changed (as the manifest's gate_image: true; needs Node.js).")]
    public bool GateImage { get; init; }

    public override ValidationResult Validate()
    {
        if (MetricFrames is < 0 or > 64) return ValidationResult.Error($"--metric-frames must be 0 (none) to 64 (8 is a good start), not {MetricFrames}.");
        if (MetricFrames is > 0 && NoMetrics) return ValidationResult.Error("--metric-frames asks for metrics and --no-metrics turns them off: give one of them.");
        if (string.IsNullOrWhiteSpace(Manifest)) return ValidationResult.Error("Give the manifest file: catwalk batch manifest.yaml");
        if (!File.Exists(Manifest)) return ValidationResult.Error($"The manifest '{Manifest}' does not exist (looked in {Path.GetFullPath(Manifest)}).");
        if (Budget is <= 0) return ValidationResult.Error($"--budget must be a positive amount in USD, not {Budget}.");
        if (Concurrency is < 1 or > 1024) return ValidationResult.Error($"--concurrency must be 1 to 1024, not {Concurrency}.");
        if (PerEndpoint is < 1 or > 1024) return ValidationResult.Error($"--per-endpoint must be 1 to 1024, not {PerEndpoint}.");
        if (Report is { } r && Path.GetDirectoryName(Path.GetFullPath(r)) is { } dir && !Directory.Exists(dir))
            return ValidationResult.Error($"--report: the folder {dir} does not exist.");
        return base.Validate();
    }
}
