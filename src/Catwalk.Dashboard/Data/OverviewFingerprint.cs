using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// What the overview's answer depends on, in one number: each filtered job's id, state, update time, bill and metrics,
/// and the votes. Equal fingerprints give the same overview, so it need not be computed again (one pass over the jobs
/// instead of a bootstrap).
/// </summary>
public static class OverviewFingerprint
{
    public static long Of(DashboardFilter filter, IReadOnlyList<JobRecord> jobs, IReadOnlyList<VoteRecord> votes, long minute)
    {
        var hash = new HashCode();
        hash.Add(filter.ToQueryString(), StringComparer.Ordinal);
        hash.Add(minute); // the report's "now" moves on: recompute at least once a minute
        foreach (var job in jobs)
        {
            hash.Add(job.Id, StringComparer.Ordinal);
            hash.Add(job.State);
            hash.Add(job.UpdatedAt);
            hash.Add(job.BilledUsd);
            hash.Add(job.MetricsJson?.Length ?? -1);
        }
        hash.Add(votes.Count);
        if (votes.Count > 0) hash.Add(votes[^1].Id, StringComparer.Ordinal);
        return ((long)jobs.Count << 32) ^ (uint)hash.ToHashCode();
    }
}
