namespace Catwalk.Generation;

/// <summary>Turns an image and a prompt into a video with one model (the shape of Microsoft.Extensions.AI's IImageGenerator).</summary>
public interface IVideoGenerator : IDisposable
{
    Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A service this generator or one it wraps provides (e.g. its <see cref="Catalog.ModelDescriptor"/>), or null.</summary>
    object? GetService(Type serviceType, object? serviceKey = null);
}
