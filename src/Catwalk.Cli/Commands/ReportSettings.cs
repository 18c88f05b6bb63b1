using System.ComponentModel;
using Spectre.Console;
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

    [CommandOption("--html <FILE>")]
    [Description("Also write the report to share: one self-contained HTML file (recommendation, charts, tables, frames), readable offline.")]
    public string? Html { get; init; }

    [CommandOption("--pdf <FILE>")]
    [Description("With --html: also print it to a PDF with headless Chromium (when installed; otherwise one line says how to get it).")]
    public string? Pdf { get; init; }

    public override ValidationResult Validate() =>
        Pdf is not null && Html is null ? ValidationResult.Error("--pdf prints the HTML report: give --html report.html too.")
        : Html is { } html && (html.Length == 0 || Directory.Exists(html)) ? ValidationResult.Error($"--html '{html}' is a folder or empty; give a file name, e.g. --html report.html.")
        : Pdf is { } pdf && (pdf.Length == 0 || Directory.Exists(pdf)) ? ValidationResult.Error($"--pdf '{pdf}' is a folder or empty; give a file name, e.g. --pdf report.pdf.")
        : Html is not null && Pdf is not null && Path.GetFullPath(Html) == Path.GetFullPath(Pdf) ? ValidationResult.Error("--html and --pdf name the same file; give two.")
        : base.Validate();
}
