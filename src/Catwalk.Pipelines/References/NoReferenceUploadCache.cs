namespace Catwalk.Pipelines.References;

/// <summary>Nothing remembered beyond the process: the default when no run store is hosted.</summary>
public sealed class NoReferenceUploadCache : IReferenceUploadCache
{
    public static NoReferenceUploadCache Instance { get; } = new();

    private NoReferenceUploadCache()
    {
    }

    public Task<ReferenceUpload?> FindAsync(string sha256, DateTimeOffset validUntil, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReferenceUpload?>(null);

    public Task RememberAsync(ReferenceUpload upload, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
