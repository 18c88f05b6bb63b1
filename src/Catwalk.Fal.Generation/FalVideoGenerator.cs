using Catwalk.Catalog;
using Catwalk.Fal;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>
/// Any catalog video model on fal: the generic request is fitted to the model's fields by the catalog, submitted
/// through fal's queue, and the result read back. One class serves every model; a model is data, not code.
/// </summary>
public sealed class FalVideoGenerator(ModelDescriptor model, IFalQueueClient client, FalConnection connection) : IVideoGenerator
{
    public ModelDescriptor Model { get; } = model.IsVideo ? model : throw new ArgumentException($"'{model.Key}' is not a video model.", nameof(model));

    public async Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VideoGenerationOptions();
        var fitted = VideoRequestFitter.Fit(Model, request.Prompt, request.Image, options.Settings, options.Policy);
        var wait = FalWaitOptionsFactory.Create(Model.Key, options.Progress, options.Journal, options.Timeout, options.Continuation);
        if (options.Continuation is null && options.Journal is { } journal) await journal.SendingAsync(fitted.Arguments, cancellationToken).ConfigureAwait(false);
        var result = options.Continuation is { } continuation
            ? await client.WaitForResultAsync(new FalSubmission(new FalRequestHandle(Model.EndpointId, continuation.RequestId), null, continuation.SubmittedAt), wait, cancellationToken).ConfigureAwait(false)
            : await client.SubscribeAsync(Model.EndpointId, fitted.Arguments, wait, cancellationToken).ConfigureAwait(false);
        return new VideoGenerationResponse
        {
            ModelKey = Model.Key,
            EndpointId = Model.EndpointId,
            RequestId = result.Request.RequestId,
            Video = FalResultReader.Video(result.Data, Model.EndpointId),
            Arguments = fitted.Arguments,
            RawResponse = result.Data.Clone(),
            Settings = fitted.Settings,
            Duration = fitted.Duration,
            Adjustments = fitted.Adjustments,
            Seed = FalResultReader.Seed(result.Data) ?? options.Settings.Seed,
            Timings = new GenerationTimings(result.Timings.QueueWait, result.Timings.Inference, result.Timings.Total),
            Emulated = connection.Emulated,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ModelDescriptor) ? Model
        : serviceType == typeof(FalConnection) ? connection
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }
}
