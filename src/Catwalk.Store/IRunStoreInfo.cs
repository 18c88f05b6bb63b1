namespace Catwalk.Store;

/// <summary>Which database a store is (for messages and health checks): never a part of its data.</summary>
public interface IRunStoreInfo
{
    /// <summary>"SQLite /path/catwalk.db" or "PostgreSQL host:port/db" — never a password.</summary>
    string Description { get; }
    StoreEngine Engine { get; }

    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
