using System.Data.Common;
using Dapper;
using Npgsql;

namespace Catwalk.Store.Sql;

/// <summary>A PostgreSQL server shared by a team; one data source (its own connection pool) per store.</summary>
internal sealed class PostgresDialect : StoreDialect, IDisposable
{
    // Any constant: every Catwalk process that migrates the same database takes the same advisory lock.
    private const long MigrationLockKey = 0x43617477616C6B; // "Catwalk"
    private readonly NpgsqlDataSource _source;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The store leaves no session state on a connection (no SET, no temporary tables, locks only per transaction),
            // so a pooled connection need not be reset: without this every open-and-close of a pooled connection costs a
            // round trip of DISCARD ALL (28 of the ~130 a worker's job made).
            NoResetOnClose = true,
        };
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override StoreEngine Engine => StoreEngine.PostgreSql;
    public override string Description { get; }
    public override DbConnection CreateConnection() => _source.CreateConnection();

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));

    // Another constant: slot transactions queue on it (short ones), while migrations keep theirs.
    private const long SlotLockKey = 0x43617477616C6C;

    // In a DO block so that it returns no result set: the batch's readers see only the slot's own reads. A transaction
    // lock taken inside DO is held until the transaction ends, like one taken by a plain SELECT.
    public override string LockSlotsSql { get; } = $"DO 'BEGIN PERFORM pg_advisory_xact_lock({SlotLockKey}); END';";

    // The kept lines and the new ones as one jsonb array, numbered in order; the last @kept of them aggregated back in that
    // order (json_agg of text values writes JSON strings). The sub-select reads the row's value before this update.
    public override string AppendProgressLogsSql =>
        """
        UPDATE jobs SET queue_position = @queuePosition,
            running_since = CASE WHEN @running = 1 THEN COALESCE(running_since, @now) ELSE NULL END,
            last_logs = (SELECT json_agg(t.line ORDER BY t.n)::text FROM (
                SELECT e.line, e.n FROM jsonb_array_elements_text(COALESCE(NULLIF(jobs.last_logs, '')::jsonb, '[]'::jsonb) || @logs::jsonb) WITH ORDINALITY AS e(line, n)
                ORDER BY e.n DESC LIMIT @kept) AS t)
        WHERE id = @jobId
        """;

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public override string JsonDocument(string column) => $"{column}::jsonb";
    public override string JsonNumber(string document, params string[] path) => $"({document} #>> {Path(path)})::double precision";
    public override string JsonHas(string document, string key) => $"({document} -> '{key}') IS NOT NULL";
    public override string JsonIsObject(string document, params string[] path) => $"jsonb_typeof({document} #> {Path(path)}) = 'object'";
    public override string JsonArrayLength(string document, params string[] path) =>
        $"CASE WHEN jsonb_typeof({document} #> {Path(path)}) = 'array' THEN jsonb_array_length({document} #> {Path(path)}) ELSE 0 END";

    /// <summary>A path as PostgreSQL's text array literal: '{fashion,flags}'.</summary>
    private static string Path(string[] path) => "'{" + string.Join(',', path) + "}'";

    public override string Ordinal(string column) => $"{column} COLLATE \"C\"";

    public override StoreException Explain(Exception e) =>
        new($"Cannot use the PostgreSQL store {Description}: {e.Message} Check the --db connection string (Host, Port, Database, Username) and that the server is running.", e);

    public void Dispose() => _source.Dispose();
}
