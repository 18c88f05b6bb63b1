using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk metrics VIDEO</c>, or <c>catwalk metrics --run RUN|--all</c> for stored videos.</summary>
public sealed class MetricsSettings : StoreSettings
{
    [CommandArgument(0, "[VIDEO]")]
    [Description("A video file to measure.")]
    public string? Video { get; init; }

    [CommandOption("--run <RUN>")]
    [Description("Measure the stored videos of this run (id or a unique start of it) that have no metrics yet.")]
    public string? RunId { get; init; }

    [CommandOption("--all")]
    [Description("Measure every stored video (imported ones too) that has no metrics yet.")]
    public bool All { get; init; }

    [CommandOption("--again")]
    [Description("With --run/--all: measure videos that already have metrics too.")]
    public bool Again { get; init; }

    [CommandOption("--image <IMAGE>")]
    [Description("The input image it was made from: adds first/last-frame SSIM and PSNR.")]
    public string? Image { get; init; }

    [CommandOption("--duration <SECONDS>")]
    [Description("The duration that was asked for: a mismatch is flagged.")]
    public double? Duration { get; init; }

    [CommandOption("--face <PICTURE>")]
    [Description("The person's face (or person) picture: adds fashion metrics, identity among them (docs/quality-metrics.md).")]
    public string? Face { get; init; }

    [CommandOption("--outfit <PICTURE>")]
    [Description("A garment picture (repeat for each): adds garment colour fidelity.")]
    public string[] Outfits { get; init; } = [];

    [CommandOption("--metric-frames <N>")]
    [Description("How many frames the fashion metrics sample (default 8).")]
    public int MetricFrames { get; init; } = Quality.Fashion.FashionOptions.DefaultFrames;

    [CommandOption("--only <PART>")]
    [Description("With --run/--all: fashion = add only the fashion metrics (identity, full body, garment) to videos that lack them.")]
    public Runs.Quality.MetricsPart? Only { get; init; }

    [CommandOption("--json")]
    [Description("Print the metrics as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        (Video is null) == (RunId is null && !All) ? ValidationResult.Error("Give a video file, or --run RUN, or --all (one of them).")
        : RunId is not null && All ? ValidationResult.Error("Give --run or --all, not both.")
        : Video is not null && !File.Exists(Video) ? ValidationResult.Error($"The video '{Video}' does not exist.")
        : Image is { } i && !File.Exists(i) ? ValidationResult.Error($"--image '{i}' does not exist.")
        : Only is not null && Video is not null ? ValidationResult.Error("--only goes with --run or --all; for one video give --face/--outfit.")
        : Face is { } f && !File.Exists(f) ? ValidationResult.Error($"--face '{f}' does not exist.")
        : Outfits.FirstOrDefault(o => !File.Exists(o)) is { } o ? ValidationResult.Error($"--outfit '{o}' does not exist.")
        : MetricFrames is < 1 or > 64 ? ValidationResult.Error($"--metric-frames must be 1–64, not {MetricFrames}.")
        : Duration is <= 0 ? ValidationResult.Error($"--duration must be positive, not {Duration}.")
        : base.Validate();
}
