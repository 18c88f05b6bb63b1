using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Uploaded references (<see cref="IReferenceUploadStore"/>) over one <see cref="SqlDatabase"/>: one row per storage and content.</summary>
internal sealed class SqlReferenceUploadStore(SqlDatabase db) : IReferenceUploadStore
{
    private const string Columns =
        "storage AS Storage, sha256 AS Sha256, url AS Url, content_type AS ContentType, bytes AS Bytes, uploaded_at AS UploadedAt, expires_at AS ExpiresAt";

    // An unknown expiry (NULL, never written by Catwalk) is not trusted: the picture is uploaded again.
    public Task<ReferenceUploadRecord?> FindReferenceUploadAsync(string storage, string sha256, long validUntil, CancellationToken cancellationToken = default) =>
        db.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<ReferenceUploadRecord?>(new CommandDefinition(
            $"SELECT {Columns} FROM reference_uploads WHERE storage = @storage AND sha256 = @sha256 AND expires_at >= @validUntil",
            new { storage, sha256, validUntil }, cancellationToken: cancellationToken)), cancellationToken);

    // Two workers that uploaded the same picture at once both land here; either URL works, and the longer-lived one is
    // the one worth keeping. One statement: on PostgreSQL it is sent without a transaction around it.
    public Task RememberReferenceUploadAsync(ReferenceUploadRecord upload, CancellationToken cancellationToken = default) =>
        db.WriteStatementAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reference_uploads (storage, sha256, url, content_type, bytes, uploaded_at, expires_at)
            VALUES (@Storage, @Sha256, @Url, @ContentType, @Bytes, @UploadedAt, @ExpiresAt)
            ON CONFLICT (storage, sha256) DO UPDATE SET url = excluded.url, content_type = excluded.content_type, bytes = excluded.bytes,
                uploaded_at = excluded.uploaded_at, expires_at = excluded.expires_at
            WHERE reference_uploads.expires_at IS NULL OR reference_uploads.expires_at < excluded.expires_at
            """,
            upload, transaction, cancellationToken: CancellationToken.None)), cancellationToken);
}
