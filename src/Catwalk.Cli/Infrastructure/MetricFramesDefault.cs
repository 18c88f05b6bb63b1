using Catwalk.Quality.Fashion;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// How many frames a run samples for the fashion metrics when <c>--metric-frames</c> is not given: 8 when the run talks
/// to fal (a video takes a minute or more there and costs dollars, ~3 s of CPU to check its face and outfit is nothing),
/// none on the emulator, whose frames lay the references out and so say nothing about a model.
/// </summary>
internal static class MetricFramesDefault
{
    public static int For(int? given, bool noMetrics, bool emulated) => given ?? (noMetrics || emulated ? 0 : FashionOptions.DefaultFrames);
}
