namespace Catwalk.Quality.Ffmpeg;

/// <summary>
/// Which frames the fashion metrics see: <paramref name="Count"/> frames spread from the first to the last, scaled to
/// <paramref name="Width"/>×<paramref name="Height"/> and written one after another as raw RGB to <paramref name="Path"/>
/// by the same ffmpeg decode that computes the pixel metrics.
/// </summary>
internal sealed record FrameSample(int Count, int Width, int Height, string Path)
{
    public int FrameBytes => Width * Height * 3;

    public static FrameSample For(ProbeInfo probe, int count, string path)
    {
        var (width, height) = Fashion.SampledFrames.Size(probe.Width, probe.Height);
        return new FrameSample(count, width, height, path);
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
