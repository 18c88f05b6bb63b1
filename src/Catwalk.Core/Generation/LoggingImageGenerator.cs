using System.Diagnostics;
using Catwalk.Catalog;
using Microsoft.Extensions.Logging;

namespace Catwalk.Generation;

/// <summary>Logs each image call's start, result and failure with its model, request id and timings (never arguments or keys).</summary>
public sealed partial class LoggingImageGenerator(IImageGenerator inner, ILogger logger) : DelegatingImageGenerator(inner)
{
    public override async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = (GetService(typeof(ModelDescriptor)) as ModelDescriptor)?.Key ?? "?";
        var started = Stopwatch.GetTimestamp();
        LogStarted(logger, model, request.References.Count);
        try
        {
            var response = await base.GenerateAsync(request, options, cancellationToken).ConfigureAwait(false);
            LogCompleted(logger, model, response.RequestId, response.Images.Count, response.Timings.QueueWait.TotalSeconds, response.Timings.Inference.TotalSeconds, response.Cost?.Usd);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, model, Stopwatch.GetElapsedTime(started).TotalSeconds); // the user stopped it: not a failure
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, model, Stopwatch.GetElapsedTime(started).TotalSeconds, e.GetType().Name, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "image {Model}: submitting with {References} reference(s)")]
    private static partial void LogStarted(ILogger logger, string model, int references);

    [LoggerMessage(Level = LogLevel.Information, Message = "image {Model}: request {RequestId} done, {Images} image(s), queue {QueueSeconds:0.00} s, inference {InferenceSeconds:0.00} s, cost ${Cost}")]
    private static partial void LogCompleted(ILogger logger, string model, string requestId, int images, double queueSeconds, double inferenceSeconds, decimal? cost);

    [LoggerMessage(Level = LogLevel.Information, Message = "image {Model}: cancelled after {Seconds:0.00} s")]
    private static partial void LogCancelled(ILogger logger, string model, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "image {Model}: failed after {Seconds:0.00} s: {Error}: {Message}")]
    private static partial void LogFailed(ILogger logger, string model, double seconds, string error, string message);
}
