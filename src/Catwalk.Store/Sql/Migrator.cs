using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>
/// Versioned schema migrations: <c>Migrations/NNNN_name.sql</c>, embedded, applied in order inside one transaction
/// under a lock, each recorded in <c>schema_migrations</c>. Opening an older database upgrades it; a newer one is refused.
/// A version is portable SQL (one file for both engines) unless it needs what the engines spell differently (triggers):
/// then it is <c>NNNN_name.sqlite.sql</c> and <c>NNNN_name.postgres.sql</c>, both required.
/// </summary>
internal static partial class Migrator
{
    public static IReadOnlyList<Migration> Migrations { get; } = Load();

    /// <summary>One version: its portable SQL, or its SQL per engine.</summary>
    internal sealed record Migration(int Version, string Name, string? Portable, string? Sqlite, string? Postgres)
    {
        public string SqlFor(StoreEngine engine) => Portable ?? (engine == StoreEngine.Sqlite ? Sqlite : Postgres)!;
    }

    public static int Latest => Migrations[^1].Version;

    public static async Task<int> MigrateAsync(DbConnection connection, StoreDialect dialect, int? upTo = null, CancellationToken cancellationToken = default)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        if (current > Latest)
            throw new StoreException($"The store {dialect.Description} has schema version {current}, newer than this Catwalk knows ({Latest}). Upgrade Catwalk to use it.");
        foreach (var (version, name) in Migrations.Where(m => m.Version > current && m.Version <= (upTo ?? Latest)).Select(m => (m.Version, m.Name)))
        {
            var sql = Migrations[version - 1].SqlFor(dialect.Engine);
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            current = version;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var files = new List<(int Version, string Name, string? Engine, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (MigrationName().Match(resource) is not { Success: true } match) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            files.Add((int.Parse(match.Groups[1].Value), match.Groups[2].Value, match.Groups[3].Success ? match.Groups[3].Value : null, reader.ReadToEnd()));
        }
        var list = new List<Migration>();
        foreach (var version in files.GroupBy(f => f.Version).OrderBy(g => g.Key))
        {
            string? Of(string? engine) => version.SingleOrDefault(f => f.Engine == engine).Sql;
            var migration = new Migration(version.Key, version.First().Name, Of(null), Of("sqlite"), Of("postgres"));
            var valid = migration is { Portable: not null, Sqlite: null, Postgres: null } or { Portable: null, Sqlite: not null, Postgres: not null };
            if (!valid || version.Select(f => f.Name).Distinct().Count() > 1)
                throw new InvalidOperationException($"Migration {version.Key} must be one portable file or one file per engine (.sqlite.sql and .postgres.sql) of one name.");
            list.Add(migration);
        }
        for (var i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1) throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3…; found {list[i].Version} at position {i + 1}.");
        return list;
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([a-z0-9_]+?)(?:\.(sqlite|postgres))?\.sql$")]
    private static partial Regex MigrationName();
}
