using System.Runtime.ExceptionServices;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>
/// The image stage: references uploaded once, one image-model call, images downloaded and described in a sidecar.
/// With a journal the call is one job (<see cref="JournalledJob"/>): recorded before it is sent, its request id before
/// waiting, and on a later attempt collected by that id or reused from an identical earlier job instead of paid again.
/// </summary>
public sealed class ImagePipeline(IServiceProvider services, ModelCatalog catalog, ReferenceUploader uploader, IFalMediaDownloader downloader, OutputLayout layout, JournalledJob jobs, TimeProvider time)
{
    public const string EditModel = "nano-banana-edit";
    public const string TextModel = "nano-banana";

    /// <summary>Runs the stage; a job that ends without images throws what ended it (for a caller with one image to make).</summary>
    public async Task<ImageStageResult> RunAsync(ImageStageRequest request, CancellationToken cancellationToken = default)
    {
        var attempt = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (attempt.Result is { } result) return result;
        switch (attempt.Failure)
        {
            // Still running at fal and paid for: the job stays submitted, and the words say a resume collects it.
            case FalTimeoutException { CancelledAtFal: false } timeout:
                throw new FalException(attempt.Error!, null, timeout.RequestId, timeout.EndpointId, timeout);
            case { } failure:
                ExceptionDispatchInfo.Capture(failure).Throw();
                throw failure;
            default:
                throw new JobSkippedException(attempt.Status, attempt.Error!);
        }
    }

    /// <summary>Runs the stage as one journalled job; how it ended is returned (and recorded), not thrown.</summary>
    public Task<JobAttempt<ImageStageResult>> AttemptAsync(ImageStageRequest request, CancellationToken cancellationToken = default)
    {
        var model = catalog.Get(request.ModelKey ?? (request.References.Count > 0 ? EditModel : TextModel));
        if (model.IsVideo) throw new InvalidInputException($"'{model.Key}' is a video model; the image stage needs an image model such as {EditModel}.");
        var stage = new ImageJobStage(request, request.Run ?? RunStamp.New(time), model, services.GetRequiredKeyedService<IImageGenerator>(model.Key), uploader, downloader, layout);
        return jobs.RunAsync(stage, request.Journal, cancellationToken);
    }
}
