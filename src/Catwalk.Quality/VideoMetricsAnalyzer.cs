using Catwalk.Domain;
using Catwalk.Quality.Fashion;
using Catwalk.Quality.Ffmpeg;

namespace Catwalk.Quality;

/// <summary>
/// Computes a video's <see cref="VideoMetrics"/> locally with ffmpeg and ffprobe (no GPU): spec compliance,
/// faithfulness of the first and last frames to the input image, temporal stability, motion and defects.
/// </summary>
public static class VideoMetricsAnalyzer
{
    /// <summary>VMAF motion below this is a near-still picture (ffmpeg's testsrc2 scores ≈2.2, a slow zoom ≈1).</summary>
    public const double StillMotionThreshold = 0.3;

    public static Task<VideoMetrics> AnalyzeAsync(string video, string? inputImage = null, VideoExpectation? expected = null, CancellationToken cancellationToken = default) =>
        AnalyzeAsync(video, inputImage, expected, null, cancellationToken);

    /// <summary>With <paramref name="fashion"/>: also identity, full body and garment fidelity on frames sampled by the same decode.</summary>
    public static async Task<VideoMetrics> AnalyzeAsync(string video, string? inputImage, VideoExpectation? expected, FashionOptions? fashion, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(video)) throw new InvalidInputException($"The video '{video}' does not exist.");
        if (inputImage is not null && !File.Exists(inputImage)) throw new InvalidInputException($"The input image '{inputImage}' does not exist.");
        var probe = await ProbeInfo.ReadAsync(video, cancellationToken).ConfigureAwait(false);
        var frameCount = probe.Frames ?? (int)Math.Floor(probe.DurationSec * probe.Fps);
        var samples = fashion is null ? null : FrameSample.For(probe, fashion.Frames, Path.Combine(Path.GetTempPath(), $"catwalk-frames-{Guid.NewGuid():N}.rgb"));
        try
        {
            var (luma, differences, defects) = await FrameSeries.AnalyseAsync(video, probe.DurationSec, samples, frameCount, cancellationToken).ConfigureAwait(false);
            var metrics = await PixelMetricsAsync(video, inputImage, expected, probe, luma, differences, defects, cancellationToken).ConfigureAwait(false);
            if (fashion is null || samples is null) return metrics;
            var measured = await FashionMeasurement.MeasureAsync(fashion, SampledPictures(samples, frameCount, probe), cancellationToken).ConfigureAwait(false);
            return metrics with { Fashion = measured, Flags = [.. metrics.Flags, .. measured.Flags] };
        }
        finally
        {
            if (samples is not null) File.Delete(samples.Path);
        }
    }

    /// <summary>Only the fashion metrics: a decode that samples the frames and nothing else (for videos whose pixel metrics are stored).</summary>
    public static async Task<FashionMetrics> AnalyzeFashionAsync(string video, FashionOptions fashion, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(video)) throw new InvalidInputException($"The video '{video}' does not exist.");
        var probe = await ProbeInfo.ReadAsync(video, cancellationToken).ConfigureAwait(false);
        var frameCount = probe.Frames ?? (int)Math.Floor(probe.DurationSec * probe.Fps);
        var samples = FrameSample.For(probe, fashion.Frames, Path.Combine(Path.GetTempPath(), $"catwalk-frames-{Guid.NewGuid():N}.rgb"));
        try
        {
            await FfmpegProcess.FfmpegLogAsync(["-v", "error", "-i", video, "-an", "-filter_complex", samples.Branch("0:v", "frames", frameCount),
                "-map", "[frames]", "-fps_mode", "passthrough", "-f", "rawvideo", "-y", samples.Path], cancellationToken).ConfigureAwait(false);
            return await FashionMeasurement.MeasureAsync(fashion, SampledPictures(samples, frameCount, probe), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(samples.Path);
        }
    }

    private static List<VisionPicture> SampledPictures(FrameSample samples, int frameCount, ProbeInfo probe)
    {
        // ffmpeg wrote as many of the chosen frames as the video has (the frame count can be an estimate).
        var written = File.Exists(samples.Path) ? (int)(new FileInfo(samples.Path).Length / samples.FrameBytes) : 0;
        var fps = probe.Fps > 0 ? probe.Fps : 24;
        return [.. samples.Indices(frameCount).Take(written).Select((n, i) => new VisionPicture(samples.Path, n / fps, samples.Width, samples.Height, (long)i * samples.FrameBytes))];
    }

    private static async Task<VideoMetrics> PixelMetricsAsync(string video, string? inputImage, VideoExpectation? expected, ProbeInfo probe,
        IReadOnlyList<double> luma, IReadOnlyList<double> differences, DefectScan defects, CancellationToken cancellationToken)
    {
        (double Ssim, double PsnrDb)? first = null, last = null;
        if (inputImage is not null)
        {
            first = await Similarity.CompareAsync(video, inputImage, probe.Width, probe.Height, lastFrame: false, cancellationToken).ConfigureAwait(false);
            last = await Similarity.CompareAsync(video, inputImage, probe.Width, probe.Height, lastFrame: true, cancellationToken).ConfigureAwait(false);
        }

        var diffMean = differences.Count == 0 ? 0 : differences.Average();
        var metrics = new VideoMetrics
        {
            DurationSec = Math.Round(probe.DurationSec, 3),
            Width = probe.Width,
            Height = probe.Height,
            Fps = Math.Round(probe.Fps, 3),
            Codec = probe.Codec,
            HasAudio = probe.HasAudio,
            Frames = probe.Frames ?? luma.Count,
            DurationErrorSec = expected?.DurationSec is { } asked ? Math.Round(probe.DurationSec - asked, 3) : null,
            FirstFrameSsim = first?.Ssim,
            FirstFramePsnrDb = first?.PsnrDb,
            LastFrameSsim = last?.Ssim,
            LastFramePsnrDb = last?.PsnrDb,
            TemporalFlickerScore = Math.Round(1 - diffMean / 255, 4),
            FrameDifferenceMean = Math.Round(diffMean, 3),
            FrameDifferenceVariance = Math.Round(Variance(differences), 3),
            BrightnessFlicker = Math.Round(luma.Zip(luma.Skip(1), (a, b) => Math.Abs(b - a)).DefaultIfEmpty(0).Average(), 3),
            BrightnessDrift = luma.Count == 0 ? 0 : Math.Round(luma[^1] - luma[0], 3),
            MotionScore = defects.VmafMotion,
            FrozenSec = defects.FrozenSec,
            FrozenFraction = probe.DurationSec > 0 ? Math.Round(Math.Min(1, defects.FrozenSec / probe.DurationSec), 3) : 0,
            BlackSec = defects.BlackSec,
            Cuts = defects.CutTimes.Count,
            CutTimesSec = defects.CutTimes,
            BlurMean = defects.BlurMean,
            BlockinessMean = defects.BlockMean,
        };
        return metrics with { Flags = Flags(metrics, expected) };
    }

    private static List<string> Flags(VideoMetrics m, VideoExpectation? expected)
    {
        var flags = new List<string>();
        if (expected is not null)
        {
            if (expected.DurationSec is { } d && Math.Abs(m.DurationSec - d) > expected.DurationToleranceSec) flags.Add($"duration {m.DurationSec:0.##} s, asked {d:0.##} s");
            if (expected.Width is { } w && expected.Height is { } h && (m.Width, m.Height) != (w, h)) flags.Add($"size {m.Width}×{m.Height}, expected {w}×{h}");
            if (expected.Fps is { } fps && Math.Abs(m.Fps - fps) > 0.5) flags.Add($"{m.Fps:0.##} fps, expected {fps:0.##}");
            if (expected.Audio is true && !m.HasAudio) flags.Add("no audio, though the model promises sound");
            if (expected.Audio is false && m.HasAudio) flags.Add("has audio, though silence was asked");
        }
        if (m.MotionScore is { } motion && motion < StillMotionThreshold || m.FrameDifferenceMean < 0.2) flags.Add("near-still: the picture hardly moves");
        if (m.FrozenFraction >= 0.25) flags.Add($"frozen for {m.FrozenSec:0.#} s");
        if (m.BlackSec > 0) flags.Add($"{m.BlackSec:0.#} s of black frames");
        if (m.Cuts > 0) flags.Add($"{m.Cuts} scene cut(s) at {string.Join(", ", m.CutTimesSec.Select(t => $"{t:0.#} s"))}");
        if (m.BrightnessFlicker > 4) flags.Add($"brightness flickers ({m.BrightnessFlicker:0.#} per frame)");
        return flags;
    }

    private static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
