using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>One input of one run and the videos every model made of it: a side-by-side page.</summary>
public sealed record CompareGroup(string RunId, string InputKey, IReadOnlyList<JobRecord> Videos)
{
    public string Url => $"compare/{Uri.EscapeDataString(RunId)}/{Uri.EscapeDataString(InputKey)}";

    public static IReadOnlyList<CompareGroup> Of(IEnumerable<JobRecord> jobs) =>
        [.. jobs.Where(j => j.State == JobState.Downloaded && JobMedia.IsVideo(j))
            .GroupBy(j => (j.RunId, j.InputKey))
            .Select(g => new CompareGroup(g.Key.RunId, g.Key.InputKey, [.. g.OrderBy(j => j.ModelKey, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Videos.Max(j => j.CreatedAt))];
}
