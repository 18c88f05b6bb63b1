using System.Diagnostics;
using System.Text.Json;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Fal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.Telemetry;
using Catwalk.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>
/// One model's video job, journalled step by step: reuse a saved or cached result, or collect an earlier request by
/// its id, or submit (recording "submitting" before the request is sent and the request id before waiting), then
/// download, verify and describe the video. Failures end this job only.
/// </summary>
public sealed class VideoJobRunner(IServiceProvider services, IFalMediaDownloader downloader, OutputLayout layout, TimeProvider time)
{
    public async Task<VideoModelOutcome> RunAsync(PlannedVideo item, VideoJobContext context, CancellationToken cancellationToken)
    {
        using var telemetry = JobTelemetry.Start(Catwalk.Domain.StageKind.Video, item.Model.Key, item.Model.EndpointId, context.Request.Prompt, services.GetService<FalConnection>()?.Emulated ?? false);
        var outcome = await RunJobAsync(item, context, telemetry, cancellationToken).ConfigureAwait(false);
        telemetry.Ended(outcome.Status, outcome.RequestId, outcome.CostUsd, outcome.Cached);
        return outcome;
    }

    private async Task<VideoModelOutcome> RunJobAsync(PlannedVideo item, VideoJobContext context, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var journal = request.Journal ?? NullJobJournal.Instance;
        var start = new JobStart(Catwalk.Domain.StageKind.Video, item.Model.Key, item.Model.EndpointId, request.InputKey,
            CacheKeys.Video(item.Model.EndpointId, item.Fitted.Arguments, context.Image.Sha256), item.Cost.Usd, request.UseCache);
        await using var ticket = await journal.BeginAsync(start, cancellationToken).ConfigureAwait(false);
        telemetry.Begin();
        var resume = ticket.Resume;
        switch (resume.Kind)
        {
            case JobResumeKind.Done:
                telemetry.AlreadyEnded(JobOutcomeStatus.Succeeded, resume.RequestId);
                return Saved(context.Run, item, resume.MetadataJson!, resume.RequestId);
            case JobResumeKind.Skip:
                telemetry.AlreadyEnded(resume.Status, resume.RequestId);
                return new VideoModelOutcome(item, resume.Status) { RequestId = resume.RequestId, Error = resume.Error };
            case JobResumeKind.Cached:
                return await ReuseAsync(item, context, ticket, cancellationToken).ConfigureAwait(false);
        }

        var generation = new TicketGenerationJournal(ticket, time);
        string? RequestId() => generation.RequestId ?? resume.RequestId;
        try
        {
            await using var slot = await ticket.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var generator = services.GetRequiredKeyedService<IVideoGenerator>(item.Model.Key);
            var options = new VideoGenerationOptions
            {
                Settings = request.Settings,
                Policy = context.Policy,
                Progress = request.Progress,
                Timeout = request.Timeout,
                Continuation = resume.Continuation,
                Journal = generation,
            };
            // A collected job is not sent again: the placeholder only fits the same settings.
            var imageUrl = resume.Continuation is null ? await context.ImageUrl().ConfigureAwait(false) : VideoPipeline.PlaceholderImage;
            var response = await generator.GenerateAsync(new VideoGenerationRequest(request.Prompt, imageUrl), options, cancellationToken).ConfigureAwait(false);
            if (resume.ArgumentsJson is { } sent) response = response with { Arguments = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(sent)! };
            await ticket.CompletedAsync(new JobCompletion(response.RequestId, response.RawResponse, response.Timings.QueueWait, response.Timings.Inference), cancellationToken).ConfigureAwait(false);
            telemetry.Phase(CatwalkPhase.QueueWait, response.Timings.QueueWait);
            telemetry.Phase(CatwalkPhase.Inference, response.Timings.Inference);
            return await SaveAsync(item, context, ticket, response, resume.Continuation is not null, telemetry, cancellationToken).ConfigureAwait(false);
        }
        catch (BudgetExceededException e)
        {
            return new VideoModelOutcome(item, JobOutcomeStatus.Skipped) { Error = e.Message };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ticket.EndedAsync(JobOutcomeStatus.Cancelled, "cancelled", CancellationToken.None).ConfigureAwait(false);
            return new VideoModelOutcome(item, JobOutcomeStatus.Cancelled) { RequestId = RequestId(), Error = "cancelled" };
        }
        catch (FalRequestFailedException e) when (e.CancelledBeforeRunning)
        {
            await ticket.EndedAsync(JobOutcomeStatus.Cancelled, $"fal cancelled it before it ran (not billed): {e.Message}", CancellationToken.None).ConfigureAwait(false);
            return new VideoModelOutcome(item, JobOutcomeStatus.Cancelled) { RequestId = RequestId(), Error = e.Message };
        }
        catch (FalTimeoutException e) when (!e.CancelledAtFal)
        {
            // Still running at fal and paid for: the job stays submitted, so a resume collects it by id instead of paying again.
            return new VideoModelOutcome(item, JobOutcomeStatus.Failed) { RequestId = RequestId(), Error = $"{e.Message} `catwalk resume` collects it." };
        }
        catch (FalSubmitUncertainException e)
        {
            await ticket.EndedAsync(JobOutcomeStatus.Unknown, e.Message, CancellationToken.None).ConfigureAwait(false);
            return new VideoModelOutcome(item, JobOutcomeStatus.Unknown) { Error = e.Message };
        }
        catch (Exception e)
        {
            // Isolate: this model failed, the others carry on. The message is the user-facing one; details stay in logs.
            var error = ErrorText.For(e);
            await ticket.EndedAsync(JobOutcomeStatus.Failed, error, CancellationToken.None).ConfigureAwait(false);
            return new VideoModelOutcome(item, JobOutcomeStatus.Failed) { RequestId = RequestId(), Error = error };
        }
    }

    private async Task<VideoModelOutcome> SaveAsync(PlannedVideo item, VideoJobContext context, IJobTicket ticket, VideoGenerationResponse response, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken)
    {
        var (request, run) = (context.Request, context.Run);
        var path = layout.VideoPath(run, item.Model.Key, request.FileTag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Collected again after an interruption between saving the file and recording it: the file is this job's own.
        if (resumed) File.Delete(path);
        var started = Stopwatch.GetTimestamp();
        var downloaded = await downloader.DownloadAsync(response.Video.Url, path, cancellationToken).ConfigureAwait(false);
        var download = Stopwatch.GetElapsedTime(started);
        telemetry.Phase(CatwalkPhase.Download, download);
        await telemetry.VerifyAsync(() => MediaVerifier.VerifyVideoAsync(path, cancellationToken)).ConfigureAwait(false);
        var saved = new SavedMedia(path, new MediaFileInfo(layout.Relative(run, path), downloaded.SizeBytes, downloaded.Sha256, downloaded.ContentType ?? response.Video.ContentType));

        var metadata = VideoMetadataFactory.Create(item.Model, request, response, run, context.Image, saved, download);
        var metadataPath = layout.VideoMetadataPath(run, item.Model.Key, request.FileTag);
        await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved, MetadataPath = metadataPath, MetadataJson = JsonSerializer.Serialize(metadata, MetadataJson.Options),
            DownloadSec = metadata.Latency.DownloadSec, LatencySec = metadata.LatencySec, DurationSec = metadata.DurationSec,
            CostUsd = response.Cost?.Usd ?? item.Cost.Usd, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        request.Progress?.Report(new GenerationProgress(item.Model.Key, GenerationStage.Completed, response.RequestId, null, []));
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded)
        {
            RequestId = response.RequestId, Response = response, Video = saved, MetadataPath = metadataPath, Metadata = metadata,
        };
    }

    /// <summary>An identical job was paid for before: copy its video and describe the copy, marked as reused.</summary>
    private async Task<VideoModelOutcome> ReuseAsync(PlannedVideo item, VideoJobContext context, IJobTicket ticket, CancellationToken cancellationToken)
    {
        var (request, run) = (context.Request, context.Run);
        var source = JsonSerializer.Deserialize<VideoMetadata>(ticket.Resume.MetadataJson!, MetadataJson.Options)!;
        var path = layout.VideoPath(run, item.Model.Key, request.FileTag);
        await AtomicFile.CopyAsync(Path.Combine(ticket.Resume.SourceRoot!, source.File.Path), path, cancellationToken).ConfigureAwait(false);
        var saved = new SavedMedia(path, source.File with { Path = layout.Relative(run, path) });
        var metadata = source with
        {
            RunId = run.RunId, Timestamp = run.StartedAt, File = saved.File, ReferenceImage = context.Image.Path, Look = request.Look ?? source.Look,
            CachedFrom = source.RequestId,
        };
        var metadataPath = layout.VideoMetadataPath(run, item.Model.Key, request.FileTag);
        await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        await ticket.DownloadedAsync(new JobDownload
        {
            File = saved, MetadataPath = metadataPath, MetadataJson = JsonSerializer.Serialize(metadata, MetadataJson.Options),
            LatencySec = metadata.LatencySec, DurationSec = metadata.DurationSec, CostUsd = 0, CachedFromRequestId = source.RequestId, Prompt = request.Prompt,
        }, CancellationToken.None).ConfigureAwait(false);
        request.Progress?.Report(new GenerationProgress(item.Model.Key, GenerationStage.Completed, source.RequestId, null, []));
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded) { RequestId = source.RequestId, Video = saved, MetadataPath = metadataPath, Metadata = metadata, Cached = true };
    }

    private VideoModelOutcome Saved(RunStamp run, PlannedVideo item, string metadataJson, string? requestId)
    {
        var metadata = JsonSerializer.Deserialize<VideoMetadata>(metadataJson, MetadataJson.Options)!;
        var saved = new SavedMedia(layout.FullPath(run, metadata.File.Path), metadata.File);
        return new VideoModelOutcome(item, JobOutcomeStatus.Succeeded) { RequestId = requestId ?? metadata.RequestId, Video = saved, Metadata = metadata };
    }
}
