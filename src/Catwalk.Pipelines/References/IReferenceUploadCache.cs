namespace Catwalk.Pipelines.References;

/// <summary>
/// Uploads remembered beyond one process (the run store), so a later run of the same look, or another worker, reuses a
/// reference's URL instead of sending the picture again. Scoped to one storage service: a URL is only ever handed back
/// to a client of the storage that issued it.
/// </summary>
public interface IReferenceUploadCache
{
    /// <summary>An upload of this content that fal still keeps at <paramref name="validUntil"/>; null when there is none.</summary>
    Task<ReferenceUpload?> FindAsync(string sha256, DateTimeOffset validUntil, CancellationToken cancellationToken = default);

    /// <summary>Remembers an upload just made (replacing one that expires sooner).</summary>
    Task RememberAsync(ReferenceUpload upload, CancellationToken cancellationToken = default);
}
