using System.ComponentModel;
using Catwalk.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary>
/// <c>catwalk server</c>: the dashboard's options (port, host, token) over the PostgreSQL store the workers share, and
/// the fal options that decide which workers' queue runs go on (fal with FAL_KEY, else emulated).
/// </summary>
public sealed class ServerSettings : DashboardSettings, IOperableSettings
{
    public const string NeedsPostgres =
        "catwalk server needs the PostgreSQL store its workers share: pass --db \"Host=…;Database=…;Username=…\" (or postgres://…, or set CATWALK_DB)";

    [CommandOption("--log-format <FORMAT>")]
    [Description("text (default) or json: one JSON object per line, for a log collector (or set CATWALK_LOG_FORMAT).")]
    public Infrastructure.LogFormat? LogFormat { get; init; }

    public override ValidationResult Validate()
    {
        // CATWALK_DB / appsettings are only known when the command runs; a --db given here can be checked now.
        if (Db is { } db && !RunStoreFactory.IsPostgres(db)) return ValidationResult.Error(WhyNot(db));
        return base.Validate();
    }

    /// <summary>One line: why this store cannot serve workers on other machines, and what to pass.</summary>
    public static string WhyNot(string? db) => db is null
        ? $"{NeedsPostgres}; without --db the store is a SQLite file in --out, which no other machine can reach."
        : $"{NeedsPostgres}; '{db}' is a SQLite file, which workers on other machines cannot reach.";
}
