using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Catwalk.Store.Sql;

/// <summary>
/// An embedded SQLite file in WAL mode (readers never block the writer). synchronous=FULL: a commit is on disk
/// before it returns, so a request id the store acknowledged survives even a power cut, not only a kill -9.
/// temp_store=MEMORY: the writer's statement journals (one per savepoint of a group commit) stay in memory instead of
/// a file created and deleted in /var/tmp several times a second.
/// </summary>
internal sealed class SqliteDialect(string path) : StoreDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Path { get; } = path;
    public override StoreEngine Engine => StoreEngine.Sqlite;
    public override string Description => $"SQLite {Path}";
    public override bool SerializeWrites => true;
    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY;", cancellationToken: cancellationToken));

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the write lock for the transaction.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public override StoreException Explain(Exception e) =>
        new($"Cannot use the SQLite store {Path}: {e.Message} Check that the folder exists and is writable, or pass --db with another file.", e);
}
