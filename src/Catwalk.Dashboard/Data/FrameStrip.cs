using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>A job's sampled frames as the detail page shows them, the one with the lowest identity marked.</summary>
public sealed record FrameStrip(FashionMetrics Metrics, IReadOnlyList<StripFrame> Frames)
{
    /// <summary>
    /// The strip of a measured video or generated image; null when it has no fashion frames. The measured picture's
    /// size is stored with each frame; rows stored before that get it from the video's stored size (shrunk as the
    /// sampling shrinks it) or, for an image, from the file itself.
    /// </summary>
    public static async Task<FrameStrip?> OfAsync(JobRecord job, FrameImages images, CancellationToken ct = default)
    {
        FashionMetrics? fashion;
        try { fashion = MetricsJson.DeserializeFashion(job.MetricsJson); }
        catch (System.Text.Json.JsonException) { return null; }
        if (fashion is not { Frames.Count: > 0 }) return null;
        var lowest = Lowest(fashion);
        (int Width, int Height)? fallback = null;
        var frames = new List<StripFrame>(fashion.Frames.Count);
        for (var i = 0; i < fashion.Frames.Count; i++)
        {
            var frame = fashion.Frames[i];
            var size = frame.Width > 0 && frame.Height > 0 ? (frame.Width, frame.Height) : fallback ??= await images.MeasuredSizeAsync(job, ct) ?? (0, 0);
            frames.Add(new StripFrame(i, frame, size.Item1, size.Item2, i == lowest));
        }
        return new FrameStrip(fashion, frames);
    }

    /// <summary>The frame whose identity was lowest (the first of equals); -1 when no frame has an identity.</summary>
    public static int Lowest(FashionMetrics fashion)
    {
        var lowest = -1;
        for (var i = 0; i < fashion.Frames.Count; i++)
            if (fashion.Frames[i].Identity is { } identity && (lowest < 0 || identity < fashion.Frames[lowest].Identity!.Value)) lowest = i;
        return lowest;
    }
}
