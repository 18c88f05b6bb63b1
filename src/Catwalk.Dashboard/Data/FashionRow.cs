using Catwalk.Domain;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// A model's line of the Charts page's fashion table: the report's means (as <c>catwalk report</c> shows them) over
/// its measured videos or images, and how many of those the emulator made (whose numbers describe the emulator only).
/// </summary>
public sealed record FashionRow(string ModelKey, StageKind Stage, int Done, ModelQuality? Quality, int EmulatedMeasured)
{
    public int Measured => Quality?.FashionMeasured ?? 0;

    /// <summary>Every model with a saved result, image models first (as the report orders them); <paramref name="emulatedRuns"/>: the runs made with the emulator.</summary>
    public static IReadOnlyList<FashionRow> Of(RunReport report, IReadOnlyList<JobRecord> jobs, IReadOnlySet<string> emulatedRuns)
    {
        var emulated = jobs.Where(j => j.State == JobState.Downloaded && (j.Emulated || emulatedRuns.Contains(j.RunId)) && HasFashion(j))
            .GroupBy(j => (j.Stage, j.ModelKey)).ToDictionary(g => g.Key, g => g.Count());
        return [.. report.Models.Where(m => m.Succeeded > 0)
            .Select(m => new FashionRow(m.ModelKey, m.Stage, m.Succeeded, m.Quality is { FashionMeasured: > 0 } q ? q : null, emulated.GetValueOrDefault((m.Stage, m.ModelKey))))];
    }

    /// <summary>The same rows from the report and, per stage and model, how many of its results with fashion metrics the emulator made.</summary>
    public static IReadOnlyList<FashionRow> Of(RunReport report, IReadOnlyDictionary<(StageKind, string), int> emulated) =>
        [.. report.Models.Where(m => m.Succeeded > 0)
            .Select(m => new FashionRow(m.ModelKey, m.Stage, m.Succeeded, m.Quality is { FashionMeasured: > 0 } q ? q : null, emulated.GetValueOrDefault((m.Stage, m.ModelKey))))];

    private static bool HasFashion(JobRecord job)
    {
        try { return MetricsJson.DeserializeFashion(job.MetricsJson) is { FramesSampled: > 0 }; }
        catch (System.Text.Json.JsonException) { return false; }
    }
}
