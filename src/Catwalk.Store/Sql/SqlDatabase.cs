using System.Data.Common;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>
/// One opened database, shared by the narrow stores over it: its dialect (connections and engine differences), its
/// clock, and — for SQLite — the single writer (<see cref="GroupCommitWriter"/>) every store writes through.
/// </summary>
internal sealed class SqlDatabase : IAsyncDisposable
{
    private readonly TimeProvider _time;

    public SqlDatabase(StoreDialect dialect, TimeProvider time)
    {
        (Dialect, _time) = (dialect, time);
        if (dialect.SerializeWrites) Writer = new GroupCommitWriter(OpenAsync);
    }

    public StoreDialect Dialect { get; }

    /// <summary>SQLite's writer (null on PostgreSQL, where every write has a connection of its own).</summary>
    internal GroupCommitWriter? Writer { get; }

    /// <summary>The schema this store was opened at (the latest, except for tests that write an older database).</summary>
    public int SchemaVersion { get; private set; } = Migrator.Latest;

    public long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>A connection that writes: prepared with the dialect's per-connection settings.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs one query on a (pooled) connection of its own; reading needs none of the writer's settings.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = Dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    /// <summary>Runs one write in a transaction, committed before it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        // Once a write starts it is finished: a caller cancelled mid-commit must not leave the store unsure of what it holds.
        if (Writer is not null) return await Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        var result = await write(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// One write that is a single statement (atomic by itself). On PostgreSQL it is sent alone and the server commits it
    /// as it ends: one round trip, where a transaction around it costs a second one for COMMIT. On SQLite it goes through
    /// the writer like any write. The statement gets the transaction it runs in, or null; it should not be cancellable
    /// once sent (there is no transaction to roll back), so callers hand it <see cref="CancellationToken.None"/>.
    /// </summary>
    public async Task<T> WriteStatementAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> write, CancellationToken cancellationToken)
    {
        if (Writer is not null) return await Writer.WriteAsync((connection, transaction) => write(connection, transaction), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested(); // not started: nothing written
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        return await write(connection, null).ConfigureAwait(false);
    }

    /// <summary>Opens the database once (migrating it) so a bad connection string fails here, not in the middle of a run.</summary>
    public async Task<int> MigrateAsync(int? upTo, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return SchemaVersion = await Migrator.MigrateAsync(connection, Dialect, upTo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            throw Dialect.Explain(e);
        }
    }

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection => await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Writer is not null) await Writer.DisposeAsync().ConfigureAwait(false);
        (Dialect as IDisposable)?.Dispose();
    }
}
