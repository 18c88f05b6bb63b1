using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Catwalk.Pipelines.Telemetry;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines;

/// <summary>The image stage's part of a journalled job: the references and prompt it sends, the images and sidecar it keeps.</summary>
internal sealed class ImageJobStage(ImageStageRequest request, RunStamp run, ModelDescriptor model, IImageGenerator generator,
    ReferenceUploader uploader, IFalMediaDownloader downloader, OutputLayout layout) : IJournalledStage<ImageGenerationResponse, ImageStageResult>
{
    private const string PlaceholderReference = "https://planning.invalid/reference.png";

    public JobStart Start { get; } = new(StageKind.Image, model.Key, model.EndpointId, request.InputKey,
        CacheKeys.Image(model.EndpointId, request.Prompt, request.AspectRatio, request.Seed, request.Count, request.References.Select(r => r.Sha256), request.GarmentCategory?.Name()),
        CostEstimator.ForImages(model, request.Count).Usd, request.UseCache);

    public string Prompt => request.Prompt;

    public async Task<ImageGenerationResponse> GenerateAsync(GenerationContinuation? continuation, IGenerationJournal journal, CancellationToken cancellationToken)
    {
        // A resumed request is collected by id: nothing is uploaded or sent again.
        IReadOnlyList<string> urls = continuation is null
            ? await Task.WhenAll(request.References.Select(r => uploader.UrlForAsync(r, cancellationToken))).ConfigureAwait(false)
            : [.. request.References.Select(_ => PlaceholderReference)];
        return await generator.GenerateAsync(
            new ImageGenerationRequest(request.Prompt, urls) { Roles = [.. request.References.Select(r => r.Role)] },
            new ImageGenerationOptions
            {
                Count = request.Count, AspectRatio = request.AspectRatio, GarmentCategory = request.GarmentCategory, Seed = request.Seed, Progress = request.Progress, Timeout = request.Timeout,
                Continuation = continuation, Journal = journal,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ImageGenerationResponse WithArguments(ImageGenerationResponse response, JsonObject sent) => response with { Arguments = sent };

    public decimal CostOf(ImageStageResult result) => result.Cached ? 0 : result.Response?.Cost?.Usd ?? 0;

    public async Task<ImageStageResult> SaveAsync(IJobTicket ticket, ImageGenerationResponse response, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var downloadStarted = Stopwatch.GetTimestamp();
        var saved = await Task.WhenAll(response.Images.Select((image, i) => SaveImageAsync(image, layout.ImagePath(run, model.Key, i, Extension(image), request.FileTag), resumed, telemetry, cancellationToken))).ConfigureAwait(false);
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
        var metadataJson = await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved[0], MetadataPath = metadataPath, MetadataJson = metadataJson,
            DownloadSec = metadata.Latency.DownloadSec, LatencySec = metadata.LatencySec, CostUsd = response.Cost?.Usd ?? 0, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        return new ImageStageResult(run, response, saved, metadataPath, metadata);
    }

    /// <summary>An identical image job was paid for before: copy its images and describe the copies, marked as reused.</summary>
    public async Task<ImageStageResult> ReuseAsync(IJobTicket ticket, CancellationToken cancellationToken)
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
        var metadataJson = await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved[0], MetadataPath = metadataPath, MetadataJson = metadataJson,
            LatencySec = metadata.LatencySec, CostUsd = 0, CachedFromRequestId = source.RequestId, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        return new ImageStageResult(run, null, saved, metadataPath, metadata) { Cached = true };
    }

    public ImageStageResult Saved(JobResumePoint resume)
    {
        var metadata = JsonSerializer.Deserialize<ImageMetadata>(resume.MetadataJson!, MetadataJson.Options)!;
        var saved = metadata.Images.Select(f => new SavedMedia(layout.FullPath(run, f.Path), f)).ToList();
        return new ImageStageResult(run, null, saved, layout.ImageMetadataPath(run, metadata.Model, request.FileTag), metadata) { Cached = metadata.CachedFrom is not null };
    }

    private async Task<SavedMedia> SaveImageAsync(GeneratedMedia media, string path, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
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
