using System.Buffers;
using System.Security.Cryptography;
using Catwalk.Fal.Internal;
using Catwalk.Telemetry;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Catwalk.Fal;

/// <summary>
/// Saves media streamed (never whole in memory) to a temp file beside the destination, hashing as it goes, checks
/// it is complete, not empty and not an error page, then renames it into place — so a file at the destination is
/// always whole, and a failed or cancelled download leaves nothing behind.
/// </summary>
public sealed class FalMediaDownloader(IHttpClientFactory http, IOptions<FalOptions> options, TimeProvider time) : IFalMediaDownloader
{
    private const int BufferSize = 128 * 1024;

    // HTTP-level failures (429/5xx, refused connections) are retried by the media client's resilience handler. This
    // covers what it cannot see: a body cut short after the headers arrived. The file is then fetched again from the start.
    private readonly ResiliencePipeline _retryBrokenTransfers = new ResiliencePipelineBuilder
    {
        TimeProvider = time,
    }.AddRetry(new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle<FalMediaException>(e => e.Transient),
        MaxRetryAttempts = Math.Max(1, options.Value.MaxRetries),
        Delay = TimeSpan.FromMilliseconds(300),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        OnRetry = args =>
        {
            CatwalkTelemetry.FalRetries.Add(1, new System.Diagnostics.TagList
            {
                { CatwalkTags.Client, "fal-media-body" }, { CatwalkTags.ErrorType, args.Outcome.Exception?.GetType().Name },
            });
            return ValueTask.CompletedTask;
        },
    }).Build();

    public async Task<DownloadedMedia> DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        destinationPath = Path.GetFullPath(destinationPath);
        if (File.Exists(destinationPath)) throw new IOException($"'{destinationPath}' already exists; Catwalk never overwrites a result.");
        Directory.CreateDirectory(Path.GetDirectoryName(destinationPath)!);
        var attempts = options.Value.MaxRetries > 0 ? _retryBrokenTransfers : ResiliencePipeline.Empty;
        using var span = CatwalkPhaseNames.Start(CatwalkPhase.Download);
        try
        {
            var media = await attempts.ExecuteAsync(async ct => await DownloadOnceAsync(source, destinationPath, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            span?.SetTag(CatwalkTags.Bytes, media.SizeBytes).SetTag(CatwalkTags.ContentType, media.ContentType);
            return media;
        }
        catch (Exception e) when (span is not null)
        {
            CatwalkTelemetry.Failed(span, e);
            throw;
        }
    }

    private async Task<DownloadedMedia> DownloadOnceAsync(Uri source, string destinationPath, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limit = options.Value.DownloadTimeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var temp = $"{destinationPath}.part-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        try
        {
            using var response = await http.CreateClient(FalHttpClients.Media).GetAsync(source, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new FalMediaException($"Downloading {Describe(source)} failed: HTTP {(int)response.StatusCode}.", statusCode: (int)response.StatusCode);
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (IsErrorPage(contentType))
                throw new FalMediaException($"Downloading {Describe(source)} gave {contentType}, not media (an error page?).");
            var expected = response.Content.Headers.ContentLength;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            // The transfer buffer is pooled and the file unbuffered (bufferSize 0): each chunk is written as it arrives.
            // Two 128 KB arrays a download were large-object allocations, and they drove most of a batch's full GCs.
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                await using var input = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                // Written synchronously, chunk by chunk, on the thread that read it: on Linux an "asynchronous" file write is
                // the same write queued to another pool thread, a wake-up and a thread switch for every chunk, while the
                // write itself only copies into the page cache (the fsync below is what waits for the disk).
                using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: false);
                int read;
                while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), linked.Token).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    output.Write(buffer, 0, read);
                    size += read;
                }
                output.Flush(flushToDisk: true); // the rename below must never publish bytes still only in a cache
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (size == 0) throw new FalMediaException($"{Describe(source)} is empty (0 bytes).");
            if (expected is { } length && length > 0 && length != size)
                throw new FalMediaException($"{Describe(source)} was cut short: {size} of {length} bytes arrived.") { Transient = true };
            try
            {
                File.Move(temp, destinationPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(destinationPath))
            {
                throw new IOException($"'{destinationPath}' appeared while downloading; Catwalk never overwrites a result.");
            }
            return new DownloadedMedia(destinationPath, size, Convert.ToHexStringLower(hash.GetHashAndReset()), contentType, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FalMediaException($"Downloading {Describe(source)} took longer than {limit.TotalSeconds:0} s (Fal:DownloadTimeout).");
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new FalMediaException($"Downloading {Describe(source)} got no answer in time: {e.Message}", e) { Transient = true };
        }
        catch (HttpRequestException e)
        {
            throw new FalMediaException($"Downloading {Describe(source)} failed: {e.Message}", e) { Transient = true };
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(temp))
        {
            // The connection broke mid-body (our temp file exists, so the headers had arrived): worth another try.
            throw new FalMediaException($"Downloading {Describe(source)} broke off: {e.Message}", e) { Transient = true };
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Media answers are images, video, audio or bytes; JSON/HTML/text at a media URL is an error page served with 200.</summary>
    private static bool IsErrorPage(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase));

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { } // best effort: a leftover .part file never looks like a result
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Names the file without the URL's query, which for signed URLs is a credential of its own.</summary>
    private static string Describe(Uri source) => $"the file {Path.GetFileName(source.AbsolutePath)} from {source.Host}";
}
