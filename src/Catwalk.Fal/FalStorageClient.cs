using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Catwalk.Fal.Internal;
using Microsoft.Extensions.Options;

namespace Catwalk.Fal;

/// <summary>
/// fal's storage upload: ask for a pre-signed URL (authorized), PUT the bytes there (never with the key),
/// and hand back the public file URL models fetch.
/// </summary>
public sealed class FalStorageClient(IHttpClientFactory http, IOptions<FalOptions> options) : IFalStorage
{
    public async Task<Uri> UploadAsync(Stream content, string contentType, string fileName, CancellationToken cancellationToken = default)
    {
        var storage = http.CreateClient(FalHttpClients.Storage);
        var initiate = new Uri($"{options.Value.StorageUrl.ToString().TrimEnd('/')}/storage/upload/initiate?storage_type=fal-cdn-v3");
        using var response = await storage.PostAsJsonAsync(initiate, new { content_type = contentType, file_name = fileName }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await FalErrorReader.ReadAsync(response, "fal storage", null, isResult: false, cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var uploadUrl = Url(json.RootElement, "upload_url");
        var fileUrl = Url(json.RootElement, "file_url");

        using var body = new StreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var put = await http.CreateClient(FalHttpClients.Media).PutAsync(uploadUrl, body, cancellationToken).ConfigureAwait(false);
        if (!put.IsSuccessStatusCode)
            throw new FalException($"fal storage refused the upload of {fileName} ({(int)put.StatusCode}).", (int)put.StatusCode);
        return fileUrl;
    }

    private static Uri Url(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && Uri.TryCreate(v.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new FalException($"fal storage did not return a valid {name}.");
}
