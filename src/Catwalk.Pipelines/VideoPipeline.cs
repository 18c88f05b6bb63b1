using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>
/// The video stage: one image, uploaded once, animated by every chosen model at the same time. Settings are
/// checked against the catalog for all models before anything is sent; one model's failure never loses the others.
/// </summary>
public sealed class VideoPipeline(IServiceProvider services, ModelCatalog catalog, ReferenceUploader uploader, IFalMediaDownloader downloader, OutputLayout layout, TimeProvider time)
{
    private const string PlaceholderImage = "https://planning.invalid/image.png";

    /// <summary>Fits the request to every model; throws <see cref="UnsupportedSettingException"/> for what cannot be sent.</summary>
    public VideoPlan Plan(IReadOnlyList<string> models, VideoSettings settings, bool strict, string prompt = "plan")
    {
        var chosen = catalog.ResolveVideoModels(models.Count == 0 ? "all" : string.Join(',', models));
        var policy = strict || chosen.Count == 1 ? FitPolicy.Exact : FitPolicy.Nearest;
        var items = chosen.Select(model =>
        {
            var fitted = VideoRequestFitter.Fit(model, prompt, PlaceholderImage, settings, policy);
            return new PlannedVideo(model, fitted, CostEstimator.ForVideo(model, fitted.Settings));
        }).ToList();
        return new VideoPlan(items, policy);
    }

    public async Task<VideoStageResult> RunAsync(VideoStageRequest request, CancellationToken cancellationToken = default)
    {
        var plan = Plan(request.Models, request.Settings, request.StrictSettings, request.Prompt);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.StartFrame, request.ImagePath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var run = request.Run ?? RunStamp.New(time);
        var imageUrl = await uploader.UrlForAsync(image, cancellationToken).ConfigureAwait(false);
        var outcomes = await Task.WhenAll(plan.Items.Select(item => RunModelAsync(item, plan.Policy, imageUrl, image, request, run, cancellationToken))).ConfigureAwait(false);
        return new VideoStageResult(run, image.Path, outcomes);
    }

    private async Task<VideoModelOutcome> RunModelAsync(PlannedVideo item, FitPolicy policy, string imageUrl, ReferenceImage image, VideoStageRequest request, RunStamp run, CancellationToken cancellationToken)
    {
        string? requestId = null;
        try
        {
            var generator = services.GetRequiredKeyedService<IVideoGenerator>(item.Model.Key);
            var options = new VideoGenerationOptions
            {
                Settings = request.Settings,
                Policy = policy,
                Progress = request.Progress,
                Timeout = request.Timeout,
                OnSubmitted = (id, _) => { requestId = id; return ValueTask.CompletedTask; },
            };
            var response = await generator.GenerateAsync(new VideoGenerationRequest(request.Prompt, imageUrl), options, cancellationToken).ConfigureAwait(false);

            var path = layout.VideoPath(run, item.Model.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var started = Stopwatch.GetTimestamp();
            var downloaded = await downloader.DownloadAsync(response.Video.Url, path, cancellationToken).ConfigureAwait(false);
            var download = Stopwatch.GetElapsedTime(started);
            await MediaVerifier.VerifyVideoAsync(path, cancellationToken).ConfigureAwait(false);
            var saved = new SavedMedia(path, new MediaFileInfo(layout.Relative(path), downloaded.SizeBytes, downloaded.Sha256, downloaded.ContentType ?? response.Video.ContentType));

            var metadata = VideoMetadataFactory.Create(item.Model, request, response, run, image, saved, download);
            var metadataPath = layout.VideoMetadataPath(run, item.Model.Key);
            await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
            request.Progress?.Report(new GenerationProgress(item.Model.Key, GenerationStage.Completed, response.RequestId, null, []));
            return new VideoModelOutcome(item, VideoOutcomeStatus.Succeeded)
            {
                RequestId = response.RequestId, Response = response, Video = saved, MetadataPath = metadataPath, Metadata = metadata,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new VideoModelOutcome(item, VideoOutcomeStatus.Cancelled) { RequestId = requestId, Error = "cancelled" };
        }
        catch (FalSubmitUncertainException e)
        {
            return new VideoModelOutcome(item, VideoOutcomeStatus.Unknown) { Error = e.Message };
        }
        catch (Exception e)
        {
            // Isolate: this model failed, the others carry on. The message is the user-facing one; details stay in logs.
            return new VideoModelOutcome(item, VideoOutcomeStatus.Failed) { RequestId = requestId, Error = ErrorText.For(e) };
        }
    }
}
