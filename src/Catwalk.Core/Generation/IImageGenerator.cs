namespace Catwalk.Generation;

/// <summary>Makes images from a prompt and optional reference images with one model.</summary>
/// <remarks>Microsoft.Extensions.AI 10.11 has an experimental IImageGenerator whose content-based response cannot carry
/// request ids, queue timings and cost; this one keeps its shape (request, options, GetService) with typed results.</remarks>
public interface IImageGenerator : IDisposable
{
    Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default);

    object? GetService(Type serviceType, object? serviceKey = null);
}
