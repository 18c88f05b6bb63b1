using Catwalk.Store;
using Catwalk.Catalog;
using Catwalk.Cli.Commands;
using Catwalk.Runs.Specs;

namespace Catwalk.Cli.Infrastructure;

/// <summary>The stored form of what a command line asked for: models spelled out, paths absolute, so a resume does exactly this. Concurrency: <see cref="RunSpec"/>'s defaults.</summary>
internal static class RunSpecs
{
    public static RunSpec FromVideoOptions(RunKind kind, LookSpec look, VideoOptionSettings s, ModelCatalog catalog, string? videoPrompt, bool emulated) => new()
    {
        Kind = kind,
        Looks = [look],
        Models = [.. catalog.ResolveVideoModels(s.Models).Select(m => m.Key)],
        Durations = [s.Duration],
        Video = s.ToVideoSettings() with { DurationSeconds = null },
        StrictDuration = s.StrictDuration,
        VideoPrompt = videoPrompt,
        Seed = s.Seed,
        UseCache = !s.NoCache,
        Metrics = !s.NoMetrics,
        MetricFrames = MetricFramesDefault.For(s.MetricFrames, s.NoMetrics, emulated),
        TimeoutSeconds = s.TimeoutSeconds,
    };

    public static string Full(string path) => Path.GetFullPath(path);
}
