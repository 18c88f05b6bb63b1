using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Pipelines.Journal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;

namespace Catwalk.Pipelines;

/// <summary>
/// The video stage: one image, uploaded once (and only if some job must be sent), animated by every chosen model at
/// the same time. Settings are checked against the catalog for all models before anything is sent; one model's
/// failure never loses the others. With a journal, each model's job is recorded so it can be resumed.
/// </summary>
public sealed class VideoPipeline(ModelCatalog catalog, ReferenceUploader uploader, VideoJobRunner jobs, TimeProvider time)
{
    internal const string PlaceholderImage = "https://planning.invalid/image.png";

    /// <summary>Fits the request to every model; throws <see cref="UnsupportedSettingException"/> for what cannot be sent.</summary>
    public VideoPlan Plan(IReadOnlyList<string> models, VideoSettings settings, bool strict, string prompt = "plan", FitPolicy? policyOverride = null)
    {
        var chosen = catalog.ResolveVideoModels(models.Count == 0 ? "all" : string.Join(',', models));
        var policy = policyOverride ?? (strict || chosen.Count == 1 ? FitPolicy.Exact : FitPolicy.Nearest);
        var items = chosen.Select(model =>
        {
            var fitted = VideoRequestFitter.Fit(model, prompt, PlaceholderImage, settings, policy);
            return new PlannedVideo(model, fitted, CostEstimator.ForVideo(model, fitted.Settings));
        }).ToList();
        return new VideoPlan(items, policy);
    }

    public async Task<VideoStageResult> RunAsync(VideoStageRequest request, CancellationToken cancellationToken = default)
    {
        var plan = Plan(request.Models, request.Settings, request.StrictSettings, request.Prompt, request.FitPolicy);
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.StartFrame, request.ImagePath, cancellationToken: cancellationToken).ConfigureAwait(false);
        var run = request.Run ?? RunStamp.New(time);
        // Uploaded on first need: a resumed run whose jobs are all at fal already uploads nothing.
        var imageUrl = new Lazy<Task<string>>(() => uploader.UrlForAsync(image, cancellationToken));
        var context = new VideoJobContext(request, run, image, plan.Policy, () => imageUrl.Value);
        var outcomes = await Task.WhenAll(plan.Items.Select(item => jobs.RunAsync(item, context, cancellationToken))).ConfigureAwait(false);
        return new VideoStageResult(run, image.Path, outcomes);
    }
}
