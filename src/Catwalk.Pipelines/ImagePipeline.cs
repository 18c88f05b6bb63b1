using System.Diagnostics;
using System.Text.Json;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Fal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.Telemetry;
using Catwalk.Telemetry;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>
/// The image stage: references uploaded once, one image-model call, images downloaded and described in a sidecar.
/// With a journal the call is one job: recorded before it is sent, its request id before waiting, and on a later
/// attempt collected by that id or reused from an identical earlier job instead of paid again.
/// </summary>
public sealed class ImagePipeline(IServiceProvider services, ModelCatalog catalog, ReferenceUploader uploader, IFalMediaDownloader downloader, OutputLayout layout, TimeProvider time)
{
    public const string EditModel = "nano-banana-edit";
    public const string TextModel = "nano-banana";
    private const string PlaceholderReference = "https://planning.invalid/reference.png";

    public async Task<ImageStageResult> RunAsync(ImageStageRequest request, CancellationToken cancellationToken = default)
    {
        var model = catalog.Get(request.ModelKey ?? (request.References.Count > 0 ? EditModel : TextModel));
        if (model.IsVideo) throw new InvalidInputException($"'{model.Key}' is a video model; the image stage needs an image model such as {EditModel}.");
        using var telemetry = JobTelemetry.Start(StageKind.Image, model.Key, model.EndpointId, request.Prompt, services.GetService<FalConnection>()?.Emulated ?? false);
        try
        {
            var result = await RunJobAsync(request, model, telemetry, cancellationToken).ConfigureAwait(false);
            telemetry.Ended(JobOutcomeStatus.Succeeded, result.Metadata.RequestId, result.Response?.Cost?.Usd ?? 0, result.Cached);
            return result;
        }
        catch (Exception e) when (telemetry.Begun)
        {
            telemetry.Ended(e is BudgetExceededException ? JobOutcomeStatus.Skipped : StatusOf(e, cancellationToken).Status, (e as FalException)?.RequestId, 0, cached: false);
            throw;
        }
    }

    private async Task<ImageStageResult> RunJobAsync(ImageStageRequest request, ModelDescriptor model, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var run = request.Run ?? RunStamp.New(time);
        var journal = request.Journal ?? NullJobJournal.Instance;
        var cacheKey = CacheKeys.Image(model.EndpointId, request.Prompt, request.AspectRatio, request.Seed, request.Count, request.References.Select(r => r.Sha256));
        var estimate = CostEstimator.ForImages(model, request.Count).Usd;
        await using var ticket = await journal.BeginAsync(new JobStart(StageKind.Image, model.Key, model.EndpointId, request.InputKey, cacheKey, estimate, request.UseCache), cancellationToken).ConfigureAwait(false);
        telemetry.Begin();
        var resume = ticket.Resume;
        switch (resume.Kind)
        {
            case JobResumeKind.Done:
                telemetry.AlreadyEnded(JobOutcomeStatus.Succeeded, resume.RequestId);
                return Saved(run, resume.MetadataJson!, request.FileTag);
            case JobResumeKind.Skip:
                telemetry.AlreadyEnded(resume.Status, resume.RequestId);
                throw new JobSkippedException(resume.Status, resume.Error ?? $"the image job ended as {resume.Status}");
            case JobResumeKind.Cached:
                return await ReuseAsync(request, run, model, ticket, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            ImageGenerationResponse response;
            await using (await ticket.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                var generator = services.GetRequiredKeyedService<IImageGenerator>(model.Key);
                // A resumed request is collected by id: nothing is uploaded or sent again.
                IReadOnlyList<string> urls = resume.Continuation is null
                    ? await Task.WhenAll(request.References.Select(r => uploader.UrlForAsync(r, cancellationToken))).ConfigureAwait(false)
                    : [.. request.References.Select(_ => PlaceholderReference)];
                response = await generator.GenerateAsync(
                    new ImageGenerationRequest(request.Prompt, urls),
                    new ImageGenerationOptions
                    {
                        Count = request.Count, AspectRatio = request.AspectRatio, Seed = request.Seed, Progress = request.Progress, Timeout = request.Timeout,
                        Continuation = resume.Continuation, Journal = new TicketGenerationJournal(ticket, time),
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            if (resume.ArgumentsJson is { } sent) response = response with { Arguments = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(sent)! };
            await ticket.CompletedAsync(new JobCompletion(response.RequestId, response.RawResponse, response.Timings.QueueWait, response.Timings.Inference), cancellationToken).ConfigureAwait(false);
            telemetry.Phase(CatwalkPhase.QueueWait, response.Timings.QueueWait);
            telemetry.Phase(CatwalkPhase.Inference, response.Timings.Inference);
            return await SaveAsync(request, run, model, ticket, response, resume.Continuation is not null, telemetry, cancellationToken).ConfigureAwait(false);
        }
        catch (FalTimeoutException e) when (!e.CancelledAtFal)
        {
            // Still running at fal and paid for: the job stays submitted, so a resume collects it by id instead of paying again.
            throw new FalException($"{e.Message} `catwalk resume` collects it.", null, e.RequestId, e.EndpointId, e);
        }
        catch (Exception e) when (e is not BudgetExceededException)
        {
            var (status, error) = StatusOf(e, cancellationToken);
            await ticket.EndedAsync(status, error, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>How an image job that threw ended, and the words for it.</summary>
    private static (JobOutcomeStatus Status, string Error) StatusOf(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => (JobOutcomeStatus.Cancelled, "cancelled"),
        FalRequestFailedException { CancelledBeforeRunning: true } => (JobOutcomeStatus.Cancelled, $"fal cancelled it before it ran (not billed): {e.Message}"),
        FalSubmitUncertainException => (JobOutcomeStatus.Unknown, e.Message),
        JobSkippedException skipped => (skipped.Status, e.Message),
        _ => (JobOutcomeStatus.Failed, ErrorText.For(e)),
    };

    private async Task<ImageStageResult> SaveAsync(ImageStageRequest request, RunStamp run, ModelDescriptor model, IJobTicket ticket, ImageGenerationResponse response, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var downloadStarted = Stopwatch.GetTimestamp();
        var saved = await Task.WhenAll(response.Images.Select((image, i) => SaveImageAsync(run, image, layout.ImagePath(run, model.Key, i, Extension(image), request.FileTag), resumed, telemetry, cancellationToken))).ConfigureAwait(false);
        var download = Stopwatch.GetElapsedTime(downloadStarted);
        telemetry.Phase(CatwalkPhase.Download, download);
        var metadata = new ImageMetadata
        {
            Prompt = request.Prompt,
            Model = model.Key,
            ModelName = model.DisplayName,
            Endpoint = model.EndpointId,
            Seed = response.Seed,
            ReferenceImages = [.. request.References.Select(r => r.Path)],
            LatencySec = Seconds(response.Timings.Total + download),
            Timestamp = run.StartedAt,
            RawResponse = ElidedJson.From(response.RawResponse),
            RunId = run.RunId,
            RequestId = response.RequestId,
            Arguments = ElidedJson.From(response.Arguments),
            NumImages = saved.Length,
            Latency = new LatencyBreakdown(Seconds(response.Timings.QueueWait), Seconds(response.Timings.Inference), Seconds(download)),
            EstimatedCostUsd = response.Cost?.Usd,
            CostBasis = response.Cost?.Basis,
            CostVerified = response.Cost?.Verified,
            Images = [.. saved.Select(s => s.File)],
            Description = string.IsNullOrEmpty(response.Description) ? null : response.Description,
            Emulated = response.Emulated,
            Look = request.Look,
        };
        var metadataPath = layout.ImageMetadataPath(run, model.Key, request.FileTag);
        await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved[0], MetadataPath = metadataPath, MetadataJson = JsonSerializer.Serialize(metadata, MetadataJson.Options),
            DownloadSec = metadata.Latency.DownloadSec, LatencySec = metadata.LatencySec, CostUsd = response.Cost?.Usd ?? 0, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        return new ImageStageResult(run, response, saved, metadataPath, metadata);
    }

    /// <summary>An identical image job was paid for before: copy its images and describe the copies, marked as reused.</summary>
    private async Task<ImageStageResult> ReuseAsync(ImageStageRequest request, RunStamp run, ModelDescriptor model, IJobTicket ticket, CancellationToken cancellationToken)
    {
        var source = JsonSerializer.Deserialize<ImageMetadata>(ticket.Resume.MetadataJson!, MetadataJson.Options)!;
        var saved = new List<SavedMedia>();
        for (var i = 0; i < source.Images.Count; i++)
        {
            var file = source.Images[i];
            var path = layout.ImagePath(run, model.Key, i, Path.GetExtension(file.Path), request.FileTag);
            await AtomicFile.CopyAsync(Path.Combine(ticket.Resume.SourceRoot!, file.Path), path, cancellationToken).ConfigureAwait(false);
            saved.Add(new SavedMedia(path, file with { Path = layout.Relative(run, path) }));
        }
        var metadata = source with
        {
            RunId = run.RunId, Timestamp = run.StartedAt, Images = [.. saved.Select(s => s.File)], Look = request.Look ?? source.Look,
            ReferenceImages = [.. request.References.Select(r => r.Path)], CachedFrom = source.RequestId,
        };
        var metadataPath = layout.ImageMetadataPath(run, model.Key, request.FileTag);
        await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved[0], MetadataPath = metadataPath, MetadataJson = JsonSerializer.Serialize(metadata, MetadataJson.Options),
            LatencySec = metadata.LatencySec, CostUsd = 0, CachedFromRequestId = source.RequestId, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        return new ImageStageResult(run, null, saved, metadataPath, metadata) { Cached = true };
    }

    private ImageStageResult Saved(RunStamp run, string metadataJson, string? tag)
    {
        var metadata = JsonSerializer.Deserialize<ImageMetadata>(metadataJson, MetadataJson.Options)!;
        var saved = metadata.Images.Select(f => new SavedMedia(layout.FullPath(run, f.Path), f)).ToList();
        return new ImageStageResult(run, null, saved, layout.ImageMetadataPath(run, metadata.Model, tag), metadata) { Cached = metadata.CachedFrom is not null };
    }

    private async Task<SavedMedia> SaveImageAsync(RunStamp run, GeneratedMedia media, string path, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Collected again after an interruption between saving the file and recording it: the file is this job's own.
        if (resumed) File.Delete(path);
        var downloaded = await downloader.DownloadAsync(media.Url, path, cancellationToken).ConfigureAwait(false);
        await telemetry.VerifyAsync(() => MediaVerifier.VerifyImageAsync(path, cancellationToken)).ConfigureAwait(false);
        uploader.Remember(downloaded.Sha256, media.Url); // the video stage sends fal its own URL back: no second upload
        return new SavedMedia(path, new MediaFileInfo(layout.Relative(run, path), downloaded.SizeBytes, downloaded.Sha256, downloaded.ContentType ?? media.ContentType));
    }

    private static string Extension(GeneratedMedia image)
    {
        if (image.ContentType is { } type && ImageSniffer.Extension(type) is var ext && ext != ".bin") return ext;
        var fromUrl = Path.GetExtension(image.Url.AbsolutePath);
        return fromUrl is ".png" or ".jpg" or ".jpeg" or ".webp" ? fromUrl : ".png";
    }

    internal static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
