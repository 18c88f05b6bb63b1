using System.Globalization;
using System.Text.RegularExpressions;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>Per-frame numbers from ffmpeg's signalstats: the mean luma of each frame, and of each frame's difference from the one before.</summary>
internal static partial class FrameSeries
{
    /// <summary>Mean luma (YAVG, 0–255) of every frame.</summary>
    public static Task<IReadOnlyList<double>> LumaAsync(string video, CancellationToken cancellationToken) =>
        ReadAsync(video, "signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", cancellationToken);

    /// <summary>Mean absolute luma difference (0–255) between each frame and the previous one.</summary>
    public static Task<IReadOnlyList<double>> DifferenceAsync(string video, CancellationToken cancellationToken) =>
        ReadAsync(video, "tblend=all_mode=difference,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", cancellationToken);

    private static async Task<IReadOnlyList<double>> ReadAsync(string video, string filter, CancellationToken cancellationToken)
    {
        var log = await FfmpegProcess.FfmpegLogAsync(["-v", "error", "-i", video, "-an", "-vf", filter, "-f", "null", "-"], cancellationToken).ConfigureAwait(false);
        return [.. Yavg().Matches(log).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"lavfi\.signalstats\.YAVG=([0-9.]+)")]
    private static partial Regex Yavg();
}
