using System.Globalization;
using System.Text.RegularExpressions;

namespace Catwalk.Quality.Ffmpeg;

/// <summary>What ffmpeg's detectors logged: frozen spans, black frames, scene cuts, blur, blockiness and VMAF motion.</summary>
internal sealed partial record DefectScan(double FrozenSec, double BlackSec, IReadOnlyList<double> CutTimes, double? BlurMean, double? BlockMean, double? VmafMotion)
{
    /// <summary>The full-size detectors, as one ffmpeg filter chain (blur and blockiness run on their own branch).</summary>
    public const string Chain = "freezedetect=n=0.001:d=0.5,blackdetect=d=0.1:pix_th=0.10,scdet=threshold=10,vmafmotion";

    public static DefectScan Parse(string log, double durationSec)
    {
        return new DefectScan(Frozen(log, durationSec), Sum(BlackDuration(), log), [.. CutTime().Matches(log).Select(m => Number(m.Groups[1].Value))],
            Optional(BlurPattern(), log), Optional(BlockPattern(), log), Optional(MotionAverage(), log));
    }

    /// <summary>Frozen seconds: each reported span, and a span still frozen at the end runs to the end of the video.</summary>
    private static double Frozen(string log, double durationSec)
    {
        var total = Sum(FreezeDuration(), log);
        var starts = FreezeStart().Matches(log).Count;
        var ends = FreezeDuration().Matches(log).Count;
        if (starts > ends && FreezeStart().Matches(log).LastOrDefault() is { } open) total += Math.Max(0, durationSec - Number(open.Groups[1].Value));
        return Math.Round(total, 3);
    }

    private static double Sum(Regex regex, string log) => Math.Round(regex.Matches(log).Sum(m => Number(m.Groups[1].Value)), 3);

    private static double? Optional(Regex regex, string log) =>
        regex.Match(log) is { Success: true } m && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? Math.Round(v, 3) : null;

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"freeze_start: ([0-9.]+)")] private static partial Regex FreezeStart();
    [GeneratedRegex(@"freeze_duration: ([0-9.]+)")] private static partial Regex FreezeDuration();
    [GeneratedRegex(@"black_duration:([0-9.]+)")] private static partial Regex BlackDuration();
    [GeneratedRegex(@"lavfi\.scd\.time: ([0-9.]+)")] private static partial Regex CutTime();
    [GeneratedRegex(@"blur mean: ([-+0-9.naife]+)")] private static partial Regex BlurPattern();
    [GeneratedRegex(@"block mean: ([-+0-9.naife]+)")] private static partial Regex BlockPattern();
    [GeneratedRegex(@"VMAF Motion avg: ([0-9.]+)")] private static partial Regex MotionAverage();
}
