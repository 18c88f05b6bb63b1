using System.Collections.Concurrent;
using Catwalk.Pipelines.References;

namespace Catwalk.Pipelines.Tests.References;

/// <summary>A cross-run cache held in memory, as the store keeps one (the later expiry wins), counting what it was asked.</summary>
public sealed class MemoryReferenceUploadCache : IReferenceUploadCache
{
    private readonly ConcurrentDictionary<string, ReferenceUpload> _uploads = new();
    private int _finds;

    public int Finds => Volatile.Read(ref _finds);
    public int Remembered { get; private set; }
    public ReferenceUpload? this[string sha256] => _uploads.GetValueOrDefault(sha256);

    public Task<ReferenceUpload?> FindAsync(string sha256, DateTimeOffset validUntil, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _finds);
        return Task.FromResult(_uploads.TryGetValue(sha256, out var upload) && upload.ExpiresAt >= validUntil ? upload : null);
    }

    public Task RememberAsync(ReferenceUpload upload, CancellationToken cancellationToken = default)
    {
        lock (_uploads)
        {
            Remembered++;
            _uploads.AddOrUpdate(upload.Sha256, upload, (_, old) => old.ExpiresAt < upload.ExpiresAt ? upload : old);
        }
        return Task.CompletedTask;
    }
}
