using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>Where results go and which run store indexes them; shared by every command that reads or writes runs.</summary>
public abstract class StoreSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder for images, videos and metadata.")]
    [DefaultValue("outputs")]
    public string OutputDirectory { get; init; } = "outputs";

    [CommandOption("--db <DATABASE>")]
    [Description("Run store: a SQLite file (default <out>/catwalk.db), or PostgreSQL as \"Host=…;Database=…\" or postgres://… (also CATWALK_DB).")]
    public string? Db { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(OutputDirectory) ? ValidationResult.Error("--out is empty; give a folder.") : ValidationResult.Success();
}
