using Catwalk.Store;

namespace Catwalk.Runs.Billing;

/// <summary>
/// Shares an endpoint's billed total over a run's window out to the run's jobs of that endpoint, when fal gives no
/// per-request bill. In proportion to Catwalk's estimate of each job: fal prices by the same units (seconds, clips,
/// images) the estimate counts, so a 10 s video carries twice a 5 s one's share, and a discount falls on all alike.
/// Only jobs that produced a result share it (fal bills failed requests nothing), unless none did. Usage cannot tell
/// this run's requests from another's on the same endpoint in the same window: runs that overlap in time share the
/// blame, which is why billing events come first.
/// </summary>
public static class UsageShares
{
    public static IReadOnlyList<JobBill> Of(decimal total, IReadOnlyList<JobRecord> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var succeeded = jobs.Where(j => j.State is JobState.Downloaded or JobState.Completed).ToList();
        var sharing = succeeded.Count > 0 ? succeeded : [.. jobs];
        if (sharing.Count == 0) return [];
        var weights = sharing.Select(j => j.CostUsd ?? j.EstimatedCostUsd).ToList();
        var sum = weights.Sum();
        var bills = new List<JobBill>(sharing.Count);
        var left = total;
        for (var i = 0; i < sharing.Count; i++)
        {
            // Rounded to fal's six decimals; the last job takes what rounding left, so the shares add up to fal's total exactly.
            var share = i == sharing.Count - 1 ? left : Math.Round(sum > 0 ? total * weights[i] / sum : total / sharing.Count, 6);
            left -= share;
            bills.Add(new JobBill(sharing[i].Id, share, BillingSource.Usage));
        }
        return bills;
    }
}
