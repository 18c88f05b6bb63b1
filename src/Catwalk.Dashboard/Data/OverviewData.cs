namespace Catwalk.Dashboard.Data;

/// <summary>
/// The overview's reads: the filtered jobs and their report in one query, the votes once, then <see cref="OverviewView.Build"/>
/// — kept while nothing it depends on changed (<see cref="OverviewFingerprint"/>), since every visit renders twice
/// (prerendered, then over the circuit) and the bootstrap is the costly part with many generations.
/// </summary>
public sealed class OverviewData(DashboardData data, PreferenceData preferences, MediaFiles media, Catwalk.Store.IJobStatistics statistics, TimeProvider time)
{
    private readonly Lock _gate = new();
    private (long Fingerprint, OverviewView View)? _last;
    /// <summary>The last view with the database's change stamp it was built at: a visit while nothing changed reads one row, not every job.</summary>
    private (string Stamp, OverviewView View)? _stamped;

    /// <summary>How many of a model's best videos are tried for a poster before it is shown without one (their files may be gone).</summary>
    private const int PosterTries = 3;

    public async Task<OverviewView> BuildAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var stamp = $"{filter.ToQueryString()}|{now.ToUnixTimeSeconds() / 60}|{await statistics.ChangeStampAsync(filter.ToJobQuery(), ct)}";
        lock (_gate) if (_stamped is { } kept && kept.Stamp == stamp) return kept.View;
        var (jobs, report) = await data.JobsAndReportAsync(filter, ct);
        var votes = await preferences.VotesAsync(ct);
        var fingerprint = OverviewFingerprint.Of(filter, jobs, votes, now.ToUnixTimeSeconds() / 60);
        OverviewView? view = null;
        lock (_gate) if (_last is { } last && last.Fingerprint == fingerprint) view = last.View;
        view ??= OverviewView.Build(jobs, report, votes, now);
        lock (_gate) (_last, _stamped) = ((fingerprint, view), (stamp, view));
        return view;
    }

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
