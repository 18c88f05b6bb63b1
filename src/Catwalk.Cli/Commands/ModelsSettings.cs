using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

public class ModelsSettings : CommandSettings
{
    [CommandOption("--catalog <FILE>")]
    [Description("Extra model catalog file (JSON). Repeatable.")]
    public string[]? CatalogFiles { get; init; }

    [CommandOption("--json")]
    [Description("Print the merged catalog as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        (CatalogFiles ?? []).FirstOrDefault(f => !File.Exists(f)) is { } missing
            ? ValidationResult.Error($"--catalog file '{missing}' does not exist.")
            : ValidationResult.Success();
}
