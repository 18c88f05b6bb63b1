namespace Catwalk.Generation;

/// <summary>Passes every call to an inner generator; middleware overrides what it adds.</summary>
public abstract class DelegatingImageGenerator(IImageGenerator innerGenerator) : IImageGenerator
{
    protected IImageGenerator InnerGenerator { get; } = innerGenerator ?? throw new ArgumentNullException(nameof(innerGenerator));

    public virtual Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        InnerGenerator.GenerateAsync(request, options, cancellationToken);

    public virtual object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : InnerGenerator.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) InnerGenerator.Dispose();
    }
}
