using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.Telemetry;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines;

/// <summary>The video stage's part of a journalled job: the frame, prompt and fitted settings it sends, the MP4 and sidecar it keeps.</summary>
internal sealed class VideoJobStage(PlannedVideo item, VideoJobContext context, IVideoGenerator generator, IFalMediaDownloader downloader, OutputLayout layout)
    : IJournalledStage<VideoGenerationResponse, VideoModelOutcome>
{
    private VideoStageRequest Request => context.Request;

    public JobStart Start { get; } = new(StageKind.Video, item.Model.Key, item.Model.EndpointId, context.Request.InputKey,
        CacheKeys.Video(item.Model.EndpointId, item.Fitted.Arguments, context.Image.Sha256), item.Cost.Usd, context.Request.UseCache);

    public string Prompt => Request.Prompt;

    public async Task<VideoGenerationResponse> GenerateAsync(GenerationContinuation? continuation, IGenerationJournal journal, CancellationToken cancellationToken)
    {
        var options = new VideoGenerationOptions
        {
            Settings = Request.Settings, Policy = context.Policy, Progress = Request.Progress, Timeout = Request.Timeout,
            Continuation = continuation, Journal = journal,
        };
        // A collected job is not sent again: the placeholder only fits the same settings.
        var imageUrl = continuation is null ? await context.ImageUrl().ConfigureAwait(false) : VideoPipeline.PlaceholderImage;
        return await generator.GenerateAsync(new VideoGenerationRequest(Request.Prompt, imageUrl), options, cancellationToken).ConfigureAwait(false);
    }

    public VideoGenerationResponse WithArguments(VideoGenerationResponse response, JsonObject sent) => response with { Arguments = sent };

    public decimal CostOf(VideoModelOutcome result) => result.CostUsd;

    public async Task<VideoModelOutcome> SaveAsync(IJobTicket ticket, VideoGenerationResponse response, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var path = layout.VideoPath(run, item.Model.Key, Request.FileTag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Collected again after an interruption between saving the file and recording it: the file is this job's own.
        if (resumed) File.Delete(path);
        var started = Stopwatch.GetTimestamp();
        var downloaded = await downloader.DownloadAsync(response.Video.Url, path, cancellationToken).ConfigureAwait(false);
        var download = Stopwatch.GetElapsedTime(started);
        telemetry.Phase(CatwalkPhase.Download, download);
        await telemetry.VerifyAsync(() => MediaVerifier.VerifyVideoAsync(path, cancellationToken)).ConfigureAwait(false);
        var saved = new SavedMedia(path, new MediaFileInfo(layout.Relative(run, path), downloaded.SizeBytes, downloaded.Sha256, downloaded.ContentType ?? response.Video.ContentType));

        var metadata = VideoMetadataFactory.Create(item.Model, Request, response, run, context.Image, saved, download);
        var metadataPath = layout.VideoMetadataPath(run, item.Model.Key, Request.FileTag);
        var metadataJson = await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved, MetadataPath = metadataPath, MetadataJson = metadataJson,
            DownloadSec = metadata.Latency.DownloadSec, LatencySec = metadata.LatencySec, DurationSec = metadata.DurationSec,
            CostUsd = response.Cost?.Usd ?? item.Cost.Usd, Prompt = Request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        Request.Progress?.Report(new GenerationProgress(item.Model.Key, GenerationStage.Completed, response.RequestId, null, []));
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded)
        {
            RequestId = response.RequestId, Response = response, Video = saved, MetadataPath = metadataPath, Metadata = metadata,
        };
    }

    /// <summary>An identical job was paid for before: copy its video and describe the copy, marked as reused.</summary>
    public async Task<VideoModelOutcome> ReuseAsync(IJobTicket ticket, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var source = JsonSerializer.Deserialize<VideoMetadata>(ticket.Resume.MetadataJson!, MetadataJson.Options)!;
        var path = layout.VideoPath(run, item.Model.Key, Request.FileTag);
        await AtomicFile.CopyAsync(Path.Combine(ticket.Resume.SourceRoot!, source.File.Path), path, cancellationToken).ConfigureAwait(false);
        var saved = new SavedMedia(path, source.File with { Path = layout.Relative(run, path) });
        var metadata = source with
        {
            RunId = run.RunId, Timestamp = run.StartedAt, File = saved.File, ReferenceImage = context.Image.Path, Look = Request.Look ?? source.Look,
            CachedFrom = source.RequestId,
        };
        var metadataPath = layout.VideoMetadataPath(run, item.Model.Key, Request.FileTag);
        var metadataJson = await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved, MetadataPath = metadataPath, MetadataJson = metadataJson,
            LatencySec = metadata.LatencySec, DurationSec = metadata.DurationSec, CostUsd = 0, CachedFromRequestId = source.RequestId, Prompt = Request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        Request.Progress?.Report(new GenerationProgress(item.Model.Key, GenerationStage.Completed, source.RequestId, null, []));
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded) { RequestId = source.RequestId, Video = saved, MetadataPath = metadataPath, Metadata = metadata, Cached = true };
    }

    public VideoModelOutcome Saved(JobResumePoint resume)
    {
        var metadata = JsonSerializer.Deserialize<VideoMetadata>(resume.MetadataJson!, MetadataJson.Options)!;
        var saved = new SavedMedia(layout.FullPath(context.Run, metadata.File.Path), metadata.File);
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded) { RequestId = resume.RequestId ?? metadata.RequestId, Video = saved, Metadata = metadata };
    }
}
