using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk import FOLDER</c>.</summary>
public sealed class ImportSettings : StoreSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("An outputs folder written by the original tool or by Catwalk (its images/ and videos/ with meta_*.json), or the folder holding it.")]
    public string Folder { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Folder) ? ValidationResult.Error("Give the folder to import: catwalk import path/to/outputs") : base.Validate();
}
