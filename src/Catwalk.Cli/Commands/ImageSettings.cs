using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk image</c>: images from a prompt and optional reference images.</summary>
public sealed class ImageSettings : FalCommandSettings
{
    [CommandOption("-r|--ref <IMAGE>")]
    [Description("A reference image (person, face, outfit…). Repeatable. None: text-to-image.")]
    public string[]? References { get; init; }

    [CommandOption("-p|--prompt <TEXT>")]
    public string? Prompt { get; init; }

    [CommandOption("-n|--num <COUNT>")]
    [Description("How many images (1–4).")]
    [DefaultValue(1)]
    public int Count { get; init; } = 1;

    [CommandOption("--aspect-ratio <RATIO>")]
    public string? AspectRatio { get; init; }

    [CommandOption("--seed <N>")]
    public long? Seed { get; init; }

    [CommandOption("--model <KEY>")]
    [Description("Image model key (default nano-banana-edit with references, nano-banana without).")]
    public string? Model { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Prompt)) return ValidationResult.Error("--prompt is required: describe the image.");
        if (Count is < 1 or > 4) return ValidationResult.Error($"--num must be 1 to 4, not {Count}.");
        return base.Validate();
    }
}
