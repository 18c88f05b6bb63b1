using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk video</c>: animate an existing image.</summary>
public sealed class VideoCommandSettings : VideoOptionSettings
{
    [CommandOption("-i|--image <IMAGE>")]
    [Description("The first frame (PNG, JPEG or WebP), e.g. an image from `catwalk image`.")]
    public string? Image { get; init; }

    [CommandOption("-p|--prompt <TEXT>")]
    [Description("How the image should move (default: a runway walk towards the camera).")]
    public string? Prompt { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Image) ? ValidationResult.Error("--image is required: the picture to animate.") : base.Validate();
}
