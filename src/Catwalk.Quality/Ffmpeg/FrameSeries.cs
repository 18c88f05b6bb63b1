using System.Globalization;
using System.Text.RegularExpressions;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>
/// Per-frame numbers and defects from ONE decode of the video (ffmpeg split into branches): the mean luma of each
/// frame and of each frame's difference from the one before (on a copy at most 540 px wide: means barely change
/// with size, and it is 4× cheaper), blur and blockiness on every 6th frame, the full-size detectors, and, when
/// <c>sample</c> is given, the frames the fashion metrics look at (raw RGB in one file).
/// </summary>
internal static partial class FrameSeries
{
    public static async Task<(IReadOnlyList<double> Luma, IReadOnlyList<double> Differences, DefectScan Defects)> AnalyseAsync(string video, double durationSec, FrameSample? sample, int frames, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("catwalk-metrics-").FullName;
        try
        {
            var luma = Path.Combine(folder, "luma.txt");
            var diff = Path.Combine(folder, "diff.txt");
            var graph = (sample is null ? "[0:v]split=3[s][d][c];" : "[0:v]split=4[s][d][c][f];" + sample.Branch("f", "frames", frames) + ";")
                        + "[s]scale='min(540,iw)':-2,split=2[a][b];"
                        + $"[a]signalstats,metadata=print:key=lavfi.signalstats.YAVG:file={luma},nullsink;"
                        + $"[b]tblend=all_mode=difference,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file={diff},nullsink;"
                        + "[d]select='not(mod(n\\,6))',blurdetect,blockdetect,nullsink;"
                        + $"[c]{DefectScan.Chain}[out]";
            string[] sampled = sample is null ? [] : ["-map", "[frames]", "-fps_mode", "passthrough", "-f", "rawvideo", "-y", sample.Path];
            var log = await FfmpegProcess.FfmpegLogAsync(["-v", "info", "-i", video, "-an", "-filter_complex", graph, "-map", "[out]", "-f", "null", "-", .. sampled], cancellationToken).ConfigureAwait(false);
            return (Parse(await File.ReadAllTextAsync(luma, cancellationToken).ConfigureAwait(false)),
                    Parse(await File.ReadAllTextAsync(diff, cancellationToken).ConfigureAwait(false)),
                    DefectScan.Parse(log, durationSec));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<double> Parse(string text) => [.. Yavg().Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"lavfi\.signalstats\.YAVG=([0-9.]+)")]
    private static partial Regex Yavg();
}
