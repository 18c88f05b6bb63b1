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

    [CommandOption("--billed")]
    [Description("First fetch what fal billed for the runs' jobs and store it with them (needs an ADMIN key: FAL_ADMIN_KEY, or FAL_KEY when it is one); the report then shows estimate vs billed.")]
    public bool Billed { get; init; }
}
