using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk metrics VIDEO</c>.</summary>
public sealed class MetricsSettings : CommandSettings
{
    [CommandArgument(0, "<VIDEO>")]
    [Description("The video file to measure.")]
    public string Video { get; init; } = "";

    [CommandOption("--image <IMAGE>")]
    [Description("The input image it was made from: adds first/last-frame SSIM and PSNR.")]
    public string? Image { get; init; }

    [CommandOption("--duration <SECONDS>")]
    [Description("The duration that was asked for: a mismatch is flagged.")]
    public double? Duration { get; init; }

    [CommandOption("--json")]
    [Description("Print the metrics as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        !File.Exists(Video) ? ValidationResult.Error($"The video '{Video}' does not exist.")
        : Image is { } i && !File.Exists(i) ? ValidationResult.Error($"--image '{i}' does not exist.")
        : Duration is <= 0 ? ValidationResult.Error($"--duration must be positive, not {Duration}.")
        : ValidationResult.Success();
}
