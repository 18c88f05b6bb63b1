using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>
/// Versioned schema migrations: <c>Migrations/NNNN_name.sql</c>, embedded, applied in order inside one transaction
/// under a lock, each recorded in <c>schema_migrations</c>. Opening an older database upgrades it; a newer one is refused.
/// </summary>
internal static partial class Migrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

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
        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current && m.Version <= (upTo ?? Latest)))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            current = version;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (MigrationName().Match(resource) is not { Success: true } match) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            list.Add((int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < list.Count; i++)
            if (list[i].Item1 != i + 1) throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3…; found {list[i].Item1} at position {i + 1}.");
        return list;
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
