using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Catwalk.Fal.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Catwalk.Fal;

/// <summary>
/// fal's storage upload: ask for a pre-signed URL (authorized), PUT the bytes there streamed (never with the key),
/// and hand back the public file URL models fetch. The request asks fal to delete the file after
/// <see cref="FalOptions.UploadLifetime"/> (<c>X-Fal-Object-Lifecycle</c>, as fal's JS client sends it on initiate).
/// </summary>
public sealed partial class FalStorageClient(IHttpClientFactory http, IOptions<FalOptions> options, ILogger<FalStorageClient> logger, TimeProvider time) : IFalStorage
{
    /// <summary>The header fal's storage reads a direct upload's lifetime from (PLATFORM.md §10).</summary>
    public const string LifecycleHeader = "X-Fal-Object-Lifecycle";

    public async Task<FalUploadedFile> UploadFileAsync(Stream content, string contentType, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var lifetime = TimeSpan.FromSeconds(Math.Floor(options.Value.UploadLifetime.TotalSeconds));
        // Counted from before fal hears of the file: the expiry Catwalk records is never later than fal's own.
        var expiresAt = time.GetUtcNow() + lifetime;
        var (uploadUrl, fileUrl) = await InitiateAsync(contentType, fileName, lifetime, cancellationToken).ConfigureAwait(false);

        using var body = new StreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        try
        {
            // The Media client has no auth handler: the pre-signed URL is its own credential and must not see the key.
            using var put = await http.CreateClient(FalHttpClients.Media).PutAsync(uploadUrl, body, cancellationToken).ConfigureAwait(false);
            LogCall(logger, "PUT", uploadUrl.GetLeftPart(UriPartial.Path), (int)put.StatusCode);
            if (!put.IsSuccessStatusCode)
                throw new FalException($"fal storage refused the upload of {fileName} (HTTP {(int)put.StatusCode}).", (int)put.StatusCode);
        }
        catch (TimeoutRejectedException e)
        {
            throw new FalException($"Uploading {fileName} to fal storage took longer than {options.Value.DownloadTimeout.TotalSeconds:0} s (Fal:DownloadTimeout).", inner: e);
        }
        return new FalUploadedFile(fileUrl, expiresAt);
    }

    private async Task<(Uri UploadUrl, Uri FileUrl)> InitiateAsync(string contentType, string fileName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var initiate = new Uri($"{options.Value.StorageUrl.ToString().TrimEnd('/')}/storage/upload/initiate?storage_type=fal-cdn-v3");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, initiate)
            {
                Content = FalJsonContent.Create(new { content_type = contentType, file_name = fileName }),
            };
            request.Headers.TryAddWithoutValidation(LifecycleHeader, $"{{\"expiration_duration_seconds\":{(long)lifetime.TotalSeconds}}}");
            using var response = await http.CreateClient(FalHttpClients.Storage).SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogCall(logger, "POST", initiate.GetLeftPart(UriPartial.Path), (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
                throw await FalErrorReader.ReadAsync(response, "fal storage", null, isResult: false, cancellationToken).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (Url(json.RootElement, "upload_url"), Url(json.RootElement, "file_url"));
        }
        catch (JsonException e)
        {
            throw new FalException("fal storage answered the upload request with something that is not JSON.", inner: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new FalException($"fal storage did not answer within {options.Value.HttpTimeout.TotalSeconds:0} s (Fal:HttpTimeout).", inner: e);
        }
    }

    private static Uri Url(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
        && Uri.TryCreate(v.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FalException($"fal storage did not return a valid {name}.");

    // The path only: a pre-signed URL's query is a credential.
    [LoggerMessage(Level = LogLevel.Trace, Message = "fal storage: {Method} {Url} → {StatusCode}")]
    private static partial void LogCall(ILogger logger, string method, string url, int statusCode);
}
