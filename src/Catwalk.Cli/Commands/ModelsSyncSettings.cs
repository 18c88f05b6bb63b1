using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk models sync [--apply]</c>: every catalog model against fal's OpenAPI and prices.</summary>
public sealed class ModelsSyncSettings : ModelsSettings
{
    [CommandOption("--apply")]
    [Description("Write fal's schema and base price into the user catalog (catwalk.models.json, or the one --catalog) for the models that drifted.")]
    public bool Apply { get; init; }

    [CommandOption("--emulator")]
    [Description("Ask Catwalk's built-in fal emulator even when FAL_KEY is set.")]
    public bool Emulator { get; init; }

    public override ValidationResult Validate() =>
        Apply && (CatalogFiles?.Length ?? 0) > 1 ? ValidationResult.Error("--apply writes to one catalog: give --catalog once (or none for catwalk.models.json here).") : base.Validate();
}
