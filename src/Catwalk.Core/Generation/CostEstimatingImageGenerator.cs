using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>Adds the catalog's per-image cost to each response.</summary>
public sealed class CostEstimatingImageGenerator(IImageGenerator inner) : DelegatingImageGenerator(inner)
{
    public override async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GenerateAsync(request, options, cancellationToken).ConfigureAwait(false);
        var model = GetService(typeof(ModelDescriptor)) as ModelDescriptor
            ?? throw new InvalidOperationException("Cost estimation needs a generator that provides its ModelDescriptor.");
        return response with { Cost = CostEstimator.ForImages(model, response.Images.Count) };
    }
}
