namespace Catwalk.Quality.Ffmpeg;

/// <summary>
/// Which frames the fashion metrics see: <paramref name="Count"/> frames spread from the first to the last, scaled to
/// <paramref name="Width"/>×<paramref name="Height"/> and written one after another as raw RGB to <paramref name="Path"/>
/// by the same ffmpeg decode that computes the pixel metrics.
/// </summary>
internal sealed record FrameSample(int Count, int Width, int Height, string Path)
{
    /// <summary>
    /// Frames are shrunk to at most this many pixels on the long side: pose (256 px), mask (256 px) and the head crop
    /// (enlarged to 256 px) need no more, and every pixel costs the worker CPU (a 1080×1920 frame twice a 720×1280 one).
    /// </summary>
    public const int MaxSide = 960;

    public int FrameBytes => Width * Height * 3;

    public static FrameSample For(ProbeInfo probe, int count, string path)
    {
        var scale = Math.Min(1, (double)MaxSide / Math.Max(probe.Width, probe.Height));
        static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);
        return new FrameSample(count, Even(probe.Width * scale), Even(probe.Height * scale), path);
    }

    /// <summary>Frame numbers, first and last included (drift is first against last).</summary>
    public IReadOnlyList<int> Indices(int frames)
    {
        var last = Math.Max(0, frames - 1);
        if (Count <= 1) return [0];
        return [.. Enumerable.Range(0, Count).Select(i => (int)Math.Round(i * (double)last / (Count - 1))).Distinct()];
    }

    /// <summary>The filter branch that picks the frames (fed by a split of the one decode).</summary>
    public string Branch(string input, string output, int frames) =>
        $"[{input}]select='{string.Join("+", Indices(frames).Select(n => $"eq(n\\,{n})"))}',scale={Width}:{Height},format=rgb24[{output}]";
}
