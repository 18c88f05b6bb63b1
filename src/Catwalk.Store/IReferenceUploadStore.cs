namespace Catwalk.Store;

/// <summary>
/// References already uploaded, shared by every run and process on the store, so the same picture goes up once per
/// storage service while its upload lasts.
/// </summary>
public interface IReferenceUploadStore
{
    /// <summary>The upload of this content to this storage that is still kept at <paramref name="validUntil"/> (unix ms); null when none is.</summary>
    Task<ReferenceUploadRecord?> FindReferenceUploadAsync(string storage, string sha256, long validUntil, CancellationToken cancellationToken = default);

    /// <summary>Remembers an upload; of two of the same content to the same storage, the one that expires later is kept.</summary>
    Task RememberReferenceUploadAsync(ReferenceUploadRecord upload, CancellationToken cancellationToken = default);
}
