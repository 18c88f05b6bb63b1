namespace Catwalk.Fal;

/// <summary>fal's file storage: upload bytes, get back a URL models can fetch.</summary>
public interface IFalStorage
{
    Task<Uri> UploadAsync(Stream content, string contentType, string fileName, CancellationToken cancellationToken = default);
}
