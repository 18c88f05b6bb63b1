using Catwalk.Store.Sql;

namespace Catwalk.Store;

/// <summary>
/// Opens the run store named by <c>--db</c>: nothing → <c>&lt;outputs&gt;/catwalk.db</c>; a PostgreSQL connection
/// string (<c>Host=…</c>) or URL (<c>postgres://…</c>) → that server; anything else → a SQLite file at that path.
/// The schema is migrated to the latest version on open.
/// </summary>
public static class RunStoreFactory
{
    public const string DefaultFileName = "catwalk.db";

    public static async Task<IRunStore> OpenAsync(string? db, string outputRoot, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var store = new SqlRunStore(Dialect(db, outputRoot), time ?? TimeProvider.System);
        try
        {
            await store.InitializeAsync(null, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>For tests of upgrades: a store migrated only up to <paramref name="version"/>.</summary>
    internal static async Task<IRunStore> OpenAtVersionAsync(string? db, string outputRoot, int version)
    {
        var store = new SqlRunStore(Dialect(db, outputRoot), TimeProvider.System);
        await store.InitializeAsync(version, CancellationToken.None).ConfigureAwait(false);
        return store;
    }

    /// <summary>The schema version this build migrates to; a store at another version is not ready for it.</summary>
    public static int LatestSchemaVersion => Sql.Migrator.Latest;

    public static bool IsPostgres(string? db) =>
        db is not null && (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                           || db.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Npgsql connection string for a PostgreSQL <c>--db</c> (URL or key=value form), for other users of the same database.</summary>
    public static string PostgresConnectionString(string db) =>
        IsPostgres(db) ? PostgresUrl.ToConnectionString(db) : throw new StoreException($"'{db}' is not a PostgreSQL database (use Host=…;Database=… or postgres://…).");

    private static StoreDialect Dialect(string? db, string outputRoot)
    {
        if (IsPostgres(db)) return new PostgresDialect(PostgresUrl.ToConnectionString(db!));
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(db) ? Path.Combine(outputRoot, DefaultFileName) : db);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot create the folder for the SQLite store {path}: {e.Message} Pass --db with a writable path.", e);
        }
        return new SqliteDialect(path);
    }
}
