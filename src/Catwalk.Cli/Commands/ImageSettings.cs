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

    [CommandOption("--face <IMAGE>")]
    [Description("A close-up of the person's face, sent after the person (multi-image models keep the face from it).")]
    public string? Face { get; init; }

    [CommandOption("-p|--prompt <TEXT>")]
    [Description("What to make. Required, except for a try-on model, which takes no prompt.")]
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
    [Description("Image model key (default nano-banana-edit with references, nano-banana without); a try-on model (fashn-tryon, kolors-tryon) takes the person and one garment.")]
    public string? Model { get; init; }

    public override ValidationResult Validate()
    {
        if (Prompt is not null && string.IsNullOrWhiteSpace(Prompt)) return ValidationResult.Error("--prompt is empty: describe the image.");
        if (Count is < 1 or > 4) return ValidationResult.Error($"--num must be 1 to 4, not {Count}.");
        if (Face is not null && (References ?? []).Length == 0) return ValidationResult.Error("--face needs the person too: give --ref person.jpg first.");
        return base.Validate();
    }
}
