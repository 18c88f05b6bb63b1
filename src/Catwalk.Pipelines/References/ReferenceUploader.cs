using System.Collections.Concurrent;
using System.Security.Cryptography;
using Catwalk.Fal;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines.References;

/// <summary>
/// Gives fal a URL for a local image, uploading each distinct file content once (keyed by SHA-256) and reusing that URL
/// for every model and stage of the process, or making a data URI when asked to. Before uploading it asks
/// <paramref name="cache"/> (the run store, when one is hosted) for an upload an earlier run or another worker made of
/// the same content that fal still keeps for <see cref="MinimumRemainingLifetime"/>, and remembers what it uploads there.
/// Unless <paramref name="optimizePngs"/> is false, a PNG is first made smaller without changing a pixel
/// (<see cref="LosslessPngOptimizer"/>); the key stays the original file's SHA-256, as do cache keys and resumes.
/// </summary>
public sealed class ReferenceUploader(IFalStorage storage, ReferenceUploadMode mode = ReferenceUploadMode.Storage, bool optimizePngs = true,
    IReferenceUploadCache? cache = null, TimeProvider? time = null)
{
    /// <summary>
    /// How long fal must still keep an earlier upload for it to be handed out: a job that gets the URL now may wait in
    /// fal's queue until its start deadline (30 minutes by default) before the model fetches it, and an hour covers that
    /// twice over. A URL closer to its expiry is uploaded again (seconds, against a job failing on a vanished picture).
    /// </summary>
    public static readonly TimeSpan MinimumRemainingLifetime = TimeSpan.FromHours(1);

    private static readonly LosslessPngOptimizer PngOptimizer = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _byHash = new();
    private readonly IReferenceUploadCache _cache = cache ?? NoReferenceUploadCache.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _uploads;

    /// <summary>A URL, when it was made and until when fal keeps it; no expiry: as long as the process lives (a data URI, or fal's own output).</summary>
    private sealed record Entry(string Url, DateTimeOffset? UploadedAt = null, DateTimeOffset? ExpiresAt = null)
    {
        /// <summary>
        /// Reused in this process while <see cref="MinimumRemainingLifetime"/> is left, or half its lifetime when that is
        /// shorter (Fal:UploadLifetime under two hours): else a short lifetime would mean an upload per job.
        /// </summary>
        public bool IsUsable(DateTimeOffset now) => ExpiresAt is not { } expires || UploadedAt is not { } uploaded
            || expires - now >= TimeSpan.FromTicks(Math.Min(MinimumRemainingLifetime.Ticks, (expires - uploaded).Ticks / 2));
    }

    public ReferenceUploadMode Mode { get; } = mode;

    /// <summary>How many uploads this instance actually made (each distinct content once while its upload lasts).</summary>
    public int Uploads => Volatile.Read(ref _uploads);

    /// <summary>
    /// This content is already at fal under <paramref name="url"/> (an image fal just made and Catwalk downloaded),
    /// so a later stage that sends it uses that URL instead of uploading it again. Kept in this process only: fal decides
    /// how long its outputs live, so no other run is told it is there.
    /// </summary>
    public void Remember(string sha256, Uri url)
    {
        if (Mode == ReferenceUploadMode.Storage) _byHash.TryAdd($"{Mode}:{sha256}", new Lazy<Task<Entry>>(Task.FromResult(new Entry(url.ToString()))));
    }

    /// <summary>A URL for a checked reference image; its SHA-256 is already known, so the file is read once, to upload it.</summary>
    public Task<string> UrlForAsync(Domain.ReferenceImage image, CancellationToken cancellationToken = default) =>
        UrlForAsync(image.Path, image.ContentType, image.Sha256, cancellationToken);

    public async Task<string> UrlForAsync(string path, string contentType, CancellationToken cancellationToken = default) =>
        await UrlForAsync(path, contentType, await HashAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<string> UrlForAsync(string path, string contentType, string sha, CancellationToken cancellationToken)
    {
        var key = $"{Mode}:{sha}";
        while (true)
        {
            var made = new Lazy<Task<Entry>>(() => CreateAsync(path, contentType, sha, cancellationToken));
            var lazy = _byHash.GetOrAdd(key, made);
            Entry entry;
            try
            {
                entry = await lazy.Value.ConfigureAwait(false);
            }
            catch
            {
                // A failed or cancelled upload must not poison later attempts.
                _byHash.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
                throw;
            }
            // One this call just made is used whatever its lifetime: there is no fresher one to be had.
            if (ReferenceEquals(lazy, made) || entry.IsUsable(_time.GetUtcNow())) return entry.Url;
            // A long-lived process (a worker) outlived its upload: forget it, and the next turn uploads (or finds) a fresh one.
            _byHash.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
        }
    }

    private async Task<Entry> CreateAsync(string path, string contentType, string sha, CancellationToken cancellationToken)
    {
        if (Mode == ReferenceUploadMode.Storage
            && await _cache.FindAsync(sha, _time.GetUtcNow() + MinimumRemainingLifetime, cancellationToken).ConfigureAwait(false) is { } earlier)
            return new Entry(earlier.Url.ToString(), earlier.UploadedAt, earlier.ExpiresAt);
        // Only a real upload is a span: a URL reused from an earlier upload costs nothing.
        using var span = CatwalkPhaseNames.Start(CatwalkPhase.Upload)?.SetTag(CatwalkTags.ContentType, contentType);
        try
        {
            return await UploadAsync(path, contentType, sha, span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (span is not null)
        {
            CatwalkTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<Entry> UploadAsync(string path, string contentType, string sha, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        await using var stream = await OpenForSendingAsync(path, cancellationToken).ConfigureAwait(false);
        var bytes = stream.Length;
        span?.SetTag(CatwalkTags.Bytes, bytes).SetTag("catwalk.upload.mode", Mode == ReferenceUploadMode.DataUri ? "data_uri" : "storage");
        if (Mode == ReferenceUploadMode.DataUri)
            return new Entry(await FalDataUri.FromStreamAsync(stream, contentType, cancellationToken).ConfigureAwait(false));
        var uploadedAt = _time.GetUtcNow();
        var file = await storage.UploadFileAsync(stream, contentType, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _uploads);
        await _cache.RememberAsync(new ReferenceUpload(sha, file.Url, contentType, bytes, uploadedAt, file.ExpiresAt), cancellationToken).ConfigureAwait(false);
        return new Entry(file.Url.ToString(), uploadedAt, file.ExpiresAt);
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
