using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk models search [WORDS] [--category C] [--status S]</c>: fal's endpoints, found through its Platform API.</summary>
public sealed class ModelsSearchSettings : ModelsSettings
{
    private static readonly string[] Statuses = ["active", "deprecated"];

    [CommandArgument(0, "[WORDS]")]
    [Description("Words to look for in the name, description and category, e.g. \"kling\".")]
    public string? Words { get; init; }

    [CommandOption("--category <CATEGORY>")]
    [Description("Only this category, e.g. image-to-video, image-to-image, text-to-image.")]
    public string? Category { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("active or deprecated (default: both).")]
    public string? Status { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many endpoints (default 50).")]
    public int? Limit { get; init; }

    [CommandOption("--emulator")]
    [Description("Ask Catwalk's built-in fal emulator even when FAL_KEY is set.")]
    public bool Emulator { get; init; }

    public override ValidationResult Validate()
    {
        if (Status is { } s && !Statuses.Contains(s)) return ValidationResult.Error($"--status must be active or deprecated, not '{s}'.");
        if (Limit is < 1 or > 1000) return ValidationResult.Error($"--limit must be 1 to 1000, not {Limit}.");
        if (string.IsNullOrWhiteSpace(Words) && Category is null && Status is null)
            return ValidationResult.Error("Say what to look for: words (catwalk models search kling), --category or --status.");
        return base.Validate();
    }
}
