namespace Catwalk.Quality.Fashion;

/// <summary>
/// The size a video's frames are measured at: shrunk to at most <see cref="MaxSide"/> pixels on the long side, even
/// sides. Face boxes, keypoints and garment outlines of a video's <see cref="FashionFrame"/>s are in these pixels.
/// </summary>
public static class SampledFrames
{
    /// <summary>
    /// Frames are shrunk to at most this many pixels on the long side: pose (256 px), mask (256 px) and the head crop
    /// (enlarged to 256 px) need no more, and every pixel costs the worker CPU (a 1080×1920 frame twice a 720×1280 one).
    /// </summary>
    public const int MaxSide = 960;

    /// <summary>The sampled frame's size for a video of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static (int Width, int Height) Size(int width, int height)
    {
        var scale = Math.Min(1, (double)MaxSide / Math.Max(width, height));
        static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);
        return (Even(width * scale), Even(height * scale));
    }
}
