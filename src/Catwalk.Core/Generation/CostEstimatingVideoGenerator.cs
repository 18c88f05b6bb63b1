using Catwalk.Catalog;

namespace Catwalk.Generation;

/// <summary>Adds the catalog's cost estimate to each response, priced on the settings the model actually ran with.</summary>
public sealed class CostEstimatingVideoGenerator(IVideoGenerator inner) : DelegatingVideoGenerator(inner)
{
    public override async Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GenerateAsync(request, options, cancellationToken).ConfigureAwait(false);
        var model = GetService(typeof(ModelDescriptor)) as ModelDescriptor
            ?? throw new InvalidOperationException("Cost estimation needs a generator that provides its ModelDescriptor.");
        return response with { Cost = CostEstimator.ForVideo(model, response.Settings) };
    }
}
