namespace Catwalk.Quality.Fashion;

/// <summary>
/// Fashion metrics that never fail what they measure: without Node.js or the worker install they are skipped with one
/// line saying how to get them; a worker failure becomes a note. Also for a generated image (one "frame").
/// </summary>
public static class FashionMeasurement
{
    public static async Task<FashionMetrics> MeasureAsync(FashionOptions options, IReadOnlyList<VisionPicture> frames, CancellationToken cancellationToken)
    {
        var reason = "";
        var worker = options.Worker ?? VisionWorker.Shared(out reason);
        if (worker is null) return FashionMetrics.Skipped(reason);
        try
        {
            return await FashionAnalyzer.AnalyzeAsync(worker, frames, options.References, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VisionWorkerException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return FashionMetrics.Skipped($"Fashion metrics failed: {e.Message}");
        }
    }

    /// <summary>A generated image's fashion metrics (identity, full body, garment) before any video is made from it.</summary>
    public static Task<FashionMetrics> MeasureImageAsync(string image, FashionOptions options, CancellationToken cancellationToken) =>
        MeasureAsync(options, [VisionPicture.File(image)], cancellationToken);
}
