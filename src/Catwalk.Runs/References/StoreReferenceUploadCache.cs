using Catwalk.Fal;
using Catwalk.Pipelines.References;
using Catwalk.Store;
using Microsoft.Extensions.Options;

namespace Catwalk.Runs.References;

/// <summary>
/// The run store as the uploader's memory across runs and processes, for the storage service this process talks to
/// (<see cref="FalOptions.StorageUrl"/>): an emulator's uploads die with it and live on another port, so fal is never
/// handed one of them, nor one emulator another's.
/// </summary>
public sealed class StoreReferenceUploadCache(IReferenceUploadStore store, IOptions<FalOptions> fal) : IReferenceUploadCache
{
    private string Storage => StorageKey(fal.Value.StorageUrl);

    /// <summary>A storage service's base URL as the store keys it: with or without a trailing slash, the same service.</summary>
    public static string StorageKey(Uri storageUrl) => storageUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public async Task<ReferenceUpload?> FindAsync(string sha256, DateTimeOffset validUntil, CancellationToken cancellationToken = default)
    {
        var found = await store.FindReferenceUploadAsync(Storage, sha256, validUntil.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        return found is null || !Uri.TryCreate(found.Url, UriKind.Absolute, out var url)
            ? null
            : new ReferenceUpload(found.Sha256, url, found.ContentType ?? "application/octet-stream", found.Bytes ?? 0,
                DateTimeOffset.FromUnixTimeMilliseconds(found.UploadedAt), DateTimeOffset.FromUnixTimeMilliseconds(found.ExpiresAt));
    }

    public Task RememberAsync(ReferenceUpload upload, CancellationToken cancellationToken = default) =>
        store.RememberReferenceUploadAsync(new ReferenceUploadRecord
        {
            Storage = Storage, Sha256 = upload.Sha256, Url = upload.Url.ToString(), ContentType = upload.ContentType, Bytes = upload.Bytes,
            UploadedAt = upload.UploadedAt.ToUnixTimeMilliseconds(), ExpiresAt = upload.ExpiresAt.ToUnixTimeMilliseconds(),
        }, cancellationToken);
}
