using System.Diagnostics;
using System.Security.Cryptography;
using Catwalk.Fal.Internal;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Catwalk.Fal;

/// <summary>
/// Saves media streamed (never whole in memory) to a temp file beside the destination, hashing as it goes, checks
/// it is complete and not empty, then renames it into place — so a file at the destination is always whole.
/// </summary>
public sealed class FalMediaDownloader(IHttpClientFactory http, IOptions<FalOptions> options) : IFalMediaDownloader
{
    private const int BufferSize = 128 * 1024;

    // A paid-for result must not be lost to a dropped connection: broken transfers are fetched again, from the start.
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<FalMediaException>(e => e.Transient),
            MaxRetryAttempts = Math.Max(1, options.Value.MaxRetries),
            Delay = TimeSpan.FromMilliseconds(300),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public Task<DownloadedMedia> DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default) =>
        _retry.ExecuteAsync(async ct => await DownloadOnceAsync(source, destinationPath, ct).ConfigureAwait(false), cancellationToken).AsTask();

    private async Task<DownloadedMedia> DownloadOnceAsync(Uri source, string destinationPath, CancellationToken cancellationToken)
    {
        if (File.Exists(destinationPath)) throw new IOException($"'{destinationPath}' already exists; Catwalk never overwrites a result.");
        var started = Stopwatch.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.DownloadTimeout);
        var temp = $"{destinationPath}.part-{Guid.NewGuid():N}";
        try
        {
            using var response = await http.CreateClient(FalHttpClients.Media).GetAsync(source, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new FalMediaException($"Downloading {Describe(source)} failed: HTTP {(int)response.StatusCode}.");
            var expected = response.Content.Headers.ContentLength;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var input = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await input.ReadAsync(buffer, limit.Token).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), limit.Token).ConfigureAwait(false);
                    size += read;
                }
                await output.FlushAsync(limit.Token).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
            if (size == 0) throw new FalMediaException($"{Describe(source)} is empty (0 bytes).");
            if (expected is { } length && length != size) throw new FalMediaException($"{Describe(source)} was cut short: {size} of {length} bytes arrived.") { Transient = true };
            File.Move(temp, destinationPath, overwrite: false);
            return new DownloadedMedia(destinationPath, size, Convert.ToHexStringLower(hash.GetHashAndReset()), response.Content.Headers.ContentType?.MediaType, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FalMediaException($"Downloading {Describe(source)} took longer than {options.Value.DownloadTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            throw new FalMediaException($"Downloading {Describe(source)} failed: {e.Message}", e) { Transient = true };
        }
        catch (IOException e) when (e is not FileNotFoundException && File.Exists(temp))
        {
            throw new FalMediaException($"Downloading {Describe(source)} failed: {e.Message}", e) { Transient = true };
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static string Describe(Uri source) => $"the file {Path.GetFileName(source.AbsolutePath)}";
}
