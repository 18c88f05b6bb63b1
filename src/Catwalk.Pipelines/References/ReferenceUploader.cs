using System.Collections.Concurrent;
using System.Security.Cryptography;
using Catwalk.Fal;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines.References;

/// <summary>
/// Gives fal a URL for a local image, uploading each distinct file content once (keyed by SHA-256)
/// and reusing that URL for every model and stage of the process, or making a data URI when asked to.
/// Unless <paramref name="optimizePngs"/> is false, a PNG is first made smaller without changing a pixel
/// (<see cref="LosslessPngOptimizer"/>); the key stays the original file's SHA-256, as do cache keys and resumes.
/// </summary>
public sealed class ReferenceUploader(IFalStorage storage, ReferenceUploadMode mode = ReferenceUploadMode.Storage, bool optimizePngs = true)
{
    private static readonly LosslessPngOptimizer PngOptimizer = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _byHash = new();
    private int _uploads;

    public ReferenceUploadMode Mode { get; } = mode;

    /// <summary>How many uploads this instance actually made (each distinct content once).</summary>
    public int Uploads => Volatile.Read(ref _uploads);

    /// <summary>
    /// This content is already at fal under <paramref name="url"/> (an image fal just made and Catwalk downloaded),
    /// so a later stage that sends it uses that URL instead of uploading it again.
    /// </summary>
    public void Remember(string sha256, Uri url)
    {
        if (Mode == ReferenceUploadMode.Storage) _byHash.TryAdd($"{Mode}:{sha256}", new Lazy<Task<string>>(Task.FromResult(url.ToString())));
    }

    /// <summary>A URL for a checked reference image; its SHA-256 is already known, so the file is read once, to upload it.</summary>
    public Task<string> UrlForAsync(Domain.ReferenceImage image, CancellationToken cancellationToken = default) =>
        UrlForAsync(image.Path, image.ContentType, image.Sha256, cancellationToken);

    public async Task<string> UrlForAsync(string path, string contentType, CancellationToken cancellationToken = default) =>
        await UrlForAsync(path, contentType, await HashAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<string> UrlForAsync(string path, string contentType, string sha, CancellationToken cancellationToken)
    {
        var key = $"{Mode}:{sha}";
        var lazy = _byHash.GetOrAdd(key, _ => new Lazy<Task<string>>(() => CreateAsync(path, contentType, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled upload must not poison later attempts.
            _byHash.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, lazy));
            throw;
        }
    }

    private async Task<string> CreateAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        // Only a real upload is a span: a URL reused from an earlier upload costs nothing.
        using var span = CatwalkPhaseNames.Start(CatwalkPhase.Upload)?.SetTag(CatwalkTags.ContentType, contentType);
        try
        {
            return await UploadAsync(path, contentType, span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (span is not null)
        {
            CatwalkTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<string> UploadAsync(string path, string contentType, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        await using var stream = await OpenForSendingAsync(path, cancellationToken).ConfigureAwait(false);
        span?.SetTag(CatwalkTags.Bytes, stream.Length).SetTag("catwalk.upload.mode", Mode == ReferenceUploadMode.DataUri ? "data_uri" : "storage");
        if (Mode == ReferenceUploadMode.DataUri)
            return await FalDataUri.FromStreamAsync(stream, contentType, cancellationToken).ConfigureAwait(false);
        var url = await storage.UploadAsync(stream, contentType, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _uploads);
        return url.ToString();
    }

    /// <summary>The bytes to send for a file: a losslessly smaller PNG when there is one, else the file itself, streamed.</summary>
    private async Task<Stream> OpenForSendingAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        if (!optimizePngs) return file;
        byte[]? smaller;
        try
        {
            smaller = await PngOptimizer.TryOptimizeAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            smaller = null; // only ever an optimisation: whatever goes wrong in it, the original is sent
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (smaller is null)
        {
            file.Position = 0;
            return file;
        }
        // Still a PNG (the optimiser only writes PNG), so the content type and file name stay as they were.
        await file.DisposeAsync().ConfigureAwait(false);
        return new MemoryStream(smaller, writable: false);
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
