using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// One look of one run at one duration and the videos made of it (every image × video model): a compare page.
/// <see cref="InputKey"/> is the page's key (<see cref="LookMatrix.KeyOf"/>): a one-image run's videos' own input key.
/// </summary>
public sealed record CompareGroup(string RunId, string InputKey, IReadOnlyList<JobRecord> Videos)
{
    public string Url => LookMatrix.UrlOf(RunId, InputKey);

    /// <summary>How many images the videos animate (rows of the matrix).</summary>
    public int Images => Videos.Select(v => v.InputJobId ?? "").Distinct(StringComparer.Ordinal).Count();

    public static IReadOnlyList<CompareGroup> Of(IEnumerable<JobRecord> jobs) =>
        [.. jobs.Where(j => j.State == JobState.Downloaded && JobMedia.IsVideo(j))
            .GroupBy(j => (j.RunId, Key: LookMatrix.KeyOf(j)))
            .Select(g => new CompareGroup(g.Key.RunId, g.Key.Key, [.. g.OrderBy(j => j.ModelKey, StringComparer.Ordinal).ThenBy(j => j.InputKey, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Videos.Max(j => j.CreatedAt))];
}
