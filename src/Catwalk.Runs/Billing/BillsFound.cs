using Catwalk.Fal.Platform;
using Catwalk.Store;

namespace Catwalk.Runs.Billing;

/// <summary>What a fetch has found so far, run by run: the bills, which source answered for how many runs, the discounts fal's rows carried.</summary>
internal sealed class BillsFound
{
    public List<JobBill> Bills { get; } = [];
    public Dictionary<BillingSource, int> RunsBySource { get; } = [];
    public SortedSet<decimal> Discounts { get; } = [];
    public int WithoutEvent { get; private set; }

    /// <summary>One run's jobs joined on their request ids with fal's billing events.</summary>
    public void FromEvents(IReadOnlyList<JobRecord> sent, IReadOnlyList<FalBillingEvent> events)
    {
        foreach (var d in events.Select(e => e.PercentDiscount).OfType<decimal>()) Discounts.Add(d);
        var charged = events.GroupBy(e => e.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.CostTotal), StringComparer.Ordinal);
        foreach (var job in sent)
        {
            // No row is not a charge of zero: fal bills failed requests nothing, but a finished one may just not be billed yet.
            if (charged.TryGetValue(job.RequestId!, out var usd)) Bills.Add(new JobBill(job.Id, usd, BillingSource.BillingEvents));
            else if (job.State == JobState.Downloaded) WithoutEvent++;
        }
        Count(BillingSource.BillingEvents);
    }

    /// <summary>One run's usage lines, each endpoint's total shared over the run's jobs of it.</summary>
    public void FromUsage(IReadOnlyList<JobRecord> sent, IReadOnlyList<FalUsageLine> usage)
    {
        foreach (var d in usage.Select(l => l.PercentDiscount).OfType<decimal>()) Discounts.Add(d);
        foreach (var endpoint in usage.GroupBy(l => l.EndpointId, StringComparer.Ordinal))
            Bills.AddRange(UsageShares.Of(endpoint.Sum(l => l.CostTotal), [.. sent.Where(j => j.EndpointId == endpoint.Key)]));
        Count(BillingSource.Usage);
    }

    private void Count(BillingSource source) => RunsBySource[source] = RunsBySource.GetValueOrDefault(source) + 1;
}
