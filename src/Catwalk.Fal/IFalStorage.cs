namespace Catwalk.Fal;

/// <summary>fal's file storage: upload bytes, get back a URL models can fetch.</summary>
public interface IFalStorage
{
    /// <summary>Uploads a file that fal keeps for <see cref="FalOptions.UploadLifetime"/>; returns its URL and that expiry.</summary>
    Task<FalUploadedFile> UploadFileAsync(Stream content, string contentType, string fileName, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="UploadFileAsync"/>, for callers that need only the URL.</summary>
    async Task<Uri> UploadAsync(Stream content, string contentType, string fileName, CancellationToken cancellationToken = default) =>
        (await UploadFileAsync(content, contentType, fileName, cancellationToken).ConfigureAwait(false)).Url;
}
