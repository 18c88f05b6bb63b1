using System.Diagnostics;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Pipelines.Outputs;
using Catwalk.Pipelines.References;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines;

/// <summary>The image stage: references uploaded once, one image-model call, images downloaded and described in a sidecar.</summary>
public sealed class ImagePipeline(IServiceProvider services, ModelCatalog catalog, ReferenceUploader uploader, IFalMediaDownloader downloader, OutputLayout layout, TimeProvider time)
{
    public const string EditModel = "nano-banana-edit";
    public const string TextModel = "nano-banana";

    public async Task<ImageStageResult> RunAsync(ImageStageRequest request, CancellationToken cancellationToken = default)
    {
        var model = catalog.Get(request.ModelKey ?? (request.References.Count > 0 ? EditModel : TextModel));
        if (model.IsVideo) throw new InvalidInputException($"'{model.Key}' is a video model; the image stage needs an image model such as {EditModel}.");
        var run = request.Run ?? RunStamp.New(time);
        var generator = services.GetRequiredKeyedService<IImageGenerator>(model.Key);

        var urls = await Task.WhenAll(request.References.Select(r => uploader.UrlForAsync(r, cancellationToken))).ConfigureAwait(false);
        var response = await generator.GenerateAsync(
            new ImageGenerationRequest(request.Prompt, urls),
            new ImageGenerationOptions { Count = request.Count, AspectRatio = request.AspectRatio, Seed = request.Seed, Progress = request.Progress, Timeout = request.Timeout },
            cancellationToken).ConfigureAwait(false);

        var downloadStarted = Stopwatch.GetTimestamp();
        var saved = await Task.WhenAll(response.Images.Select((image, i) => SaveAsync(image, layout.ImagePath(run, model.Key, i, Extension(image)), cancellationToken))).ConfigureAwait(false);
        var download = Stopwatch.GetElapsedTime(downloadStarted);

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
        var metadataPath = layout.ImageMetadataPath(run, model.Key);
        await MetadataJson.WriteAsync(metadataPath, metadata, cancellationToken).ConfigureAwait(false);
        return new ImageStageResult(run, response, saved, metadataPath, metadata);
    }

    private async Task<SavedMedia> SaveAsync(GeneratedMedia media, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var downloaded = await downloader.DownloadAsync(media.Url, path, cancellationToken).ConfigureAwait(false);
        await MediaVerifier.VerifyImageAsync(path, cancellationToken).ConfigureAwait(false);
        return new SavedMedia(path, new MediaFileInfo(layout.Relative(path), downloaded.SizeBytes, downloaded.Sha256, downloaded.ContentType ?? media.ContentType));
    }

    private static string Extension(GeneratedMedia image)
    {
        if (image.ContentType is { } type && ImageSniffer.Extension(type) is var ext && ext != ".bin") return ext;
        var fromUrl = Path.GetExtension(image.Url.AbsolutePath);
        return fromUrl is ".png" or ".jpg" or ".jpeg" or ".webp" ? fromUrl : ".png";
    }

    internal static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}
