using System.Globalization;
using System.Text.RegularExpressions;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>SSIM and PSNR between one frame of the video (first or last) and the input image, scaled and cropped to the video's frame as a model frames it.</summary>
internal static partial class Similarity
{
    public static async Task<(double Ssim, double PsnrDb)> CompareAsync(string video, string image, int width, int height, bool lastFrame, CancellationToken cancellationToken)
    {
        var frame = lastFrame ? "reverse,trim=end_frame=1" : "trim=end_frame=1";
        var graph = $"[0:v]{frame},setpts=PTS-STARTPTS,scale={width}:{height},setsar=1,format=yuv420p,split[f1][f2];"
                    + $"[1:v]scale={width}:{height}:force_original_aspect_ratio=increase,crop={width}:{height},setsar=1,format=yuv420p,trim=end_frame=1,setpts=PTS-STARTPTS,split[r1][r2];"
                    + "[f1][r1]ssim[s];[f2][r2]psnr[p]";
        string[] input = lastFrame ? ["-sseof", "-0.5", "-i", video] : ["-i", video];
        var log = await FfmpegProcess.FfmpegLogAsync(["-v", "info", .. input, "-i", image, "-filter_complex", graph, "-map", "[s]", "-f", "null", "-", "-map", "[p]", "-f", "null", "-"], cancellationToken).ConfigureAwait(false);
        var ssim = SsimAll().Match(log) is { Success: true } s ? double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var psnr = PsnrAverage().Match(log) is { Success: true } p
            ? p.Groups[1].Value == "inf" ? 100 : double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture)
            : double.NaN;
        return (Math.Round(ssim, 4), Math.Round(psnr, 2));
    }

    [GeneratedRegex(@"SSIM .*All:([0-9.]+)")]
    private static partial Regex SsimAll();

    [GeneratedRegex(@"PSNR .*average:(inf|[0-9.]+)")]
    private static partial Regex PsnrAverage();
}
