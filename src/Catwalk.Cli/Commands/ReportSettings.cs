using System.ComponentModel;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk report</c>.</summary>
public sealed class ReportSettings : StoreSettings
{
    [CommandOption("--run <RUN>")]
    [Description("One run's id (or a unique start of it). Default: every run in the store.")]
    public string? RunId { get; init; }

    [CommandOption("--json")]
    [Description("Print the report as JSON (per model, totals and every job) instead of a table.")]
    public bool Json { get; init; }
}
