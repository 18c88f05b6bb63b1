namespace Catwalk.Dashboard.Data;

/// <summary>
/// The overview's reads: the filtered jobs (only the fields a recommendation weighs) and their report aggregated by the
/// database, the votes once, then <see cref="OverviewView.Build"/> — kept with the database's change stamp it was built at,
/// since every visit renders twice (prerendered, then over the circuit) and the bootstrap is the costly part with many
/// generations: a visit while nothing changed reads one row, not every job.
/// </summary>
public sealed class OverviewData(DashboardData data, PreferenceData preferences, MediaFiles media, TimeProvider time)
{
    private readonly StampedCache _views = new();

    /// <summary>How many of a model's best videos are tried for a poster before it is shown without one (their files may be gone).</summary>
    private const int PosterTries = 3;

    public async Task<OverviewView> BuildAsync(DashboardFilter filter, CancellationToken ct = default) =>
        await _views.GetAsync($"overview{filter.ToQueryString()}", await data.StampAsync(filter, ct), async () =>
        {
            var (jobs, report) = await data.EvidenceAndReportAsync(filter, ct);
            return OverviewView.Build(jobs, report, await preferences.VotesAsync(ct), time.GetUtcNow());
        });

    /// <summary>Per video model, its best video whose file the poster endpoint can cut a frame from (inside its run's outputs).</summary>
    public async Task<IReadOnlyList<BestVideo>> PostersAsync(OverviewView view, CancellationToken ct = default)
    {
        var order = view.Recommendation.Video?.Ranked.Select(m => m.Model).ToList() ?? [];
        var posters = new List<BestVideo>();
        foreach (var (model, candidates) in view.BestVideos.OrderBy(p => order.IndexOf(p.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var candidate in candidates.Take(PosterTries))
            {
                if (await media.FindInOutputsAsync(candidate.Job.Id, ct) is not { File.IsVideo: true }) continue;
                posters.Add(candidate);
                break;
            }
        }
        return posters;
    }
}
