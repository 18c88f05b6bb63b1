using System.Data.Common;

namespace Catwalk.Store.Sql;

/// <summary>What differs between SQLite and PostgreSQL: connecting, per-connection settings, the migration lock, write serialisation.</summary>
internal abstract class StoreDialect
{
    public abstract StoreEngine Engine { get; }
    public abstract string Description { get; }
    public abstract DbConnection CreateConnection();
    /// <summary>Per-connection settings of a connection that writes (readers need none).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
    /// <summary>Held for the whole migration transaction so two processes opening one database never migrate it twice.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
    /// <summary>
    /// A statement, with no result set, that holds a lock for the rest of a slot transaction, so processes sharing the
    /// database take slots one at a time; empty where the engine's write lock already does (SQLite). It is sent in one
    /// batch with the slot's reads.
    /// </summary>
    public virtual string LockSlotsSql => "";
    /// <summary>SQLite has one writer at a time: one in-process writer (grouping commits) avoids busy-waiting on its file lock.</summary>
    public virtual bool SerializeWrites => false;
    /// <summary>"column is one of the list in @param": Dapper expands lists for SQLite; PostgreSQL takes an array.</summary>
    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";
    /// <summary>A text column compared by code point (as .NET's ordinal order): SQLite's default; PostgreSQL's collation is the locale's unless told.</summary>
    public virtual string Ordinal(string column) => column;
    /// <summary>A JSON text column as the engine's JSON value, to read paths of (SQLite reads the text itself).</summary>
    public virtual string JsonDocument(string column) => column;
    /// <summary>The number at <paramref name="path"/> of a JSON document (NULL when absent or JSON null).</summary>
    public virtual string JsonNumber(string document, params string[] path) => $"json_extract({document}, '$.{string.Join('.', path)}')";
    /// <summary>Whether the document's root has <paramref name="key"/> (even as JSON null).</summary>
    public virtual string JsonHas(string document, string key) => $"json_type({document}, '$.{key}') IS NOT NULL";
    /// <summary>Whether the value at <paramref name="path"/> is a JSON object.</summary>
    public virtual string JsonIsObject(string document, params string[] path) => $"json_type({document}, '$.{string.Join('.', path)}') = 'object'";
    /// <summary>The length of the array at <paramref name="path"/>; 0 when absent or not an array.</summary>
    public virtual string JsonArrayLength(string document, params string[] path) => $"COALESCE(json_array_length({document}, '$.{string.Join('.', path)}'), 0)";
    /// <summary>
    /// An UPDATE of a job's progress that appends <c>@logs</c> (a JSON array of lines) to the kept lines in the database
    /// itself, keeping the last <c>@kept</c>: one statement instead of reading the lines and writing them back. Null where a
    /// read costs no round trip (SQLite, in process), so the lines are appended in .NET.
    /// </summary>
    public virtual string? AppendProgressLogsSql => null;
    /// <summary>Turns a provider's failure to connect into a message that says what to fix.</summary>
    public abstract StoreException Explain(Exception e);
}
