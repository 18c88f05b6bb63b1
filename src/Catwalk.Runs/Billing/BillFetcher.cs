using Catwalk.Fal.Platform;
using Catwalk.Store;

namespace Catwalk.Runs.Billing;

/// <summary>
/// Asks fal what it billed for runs' jobs: per request from its billing events (joined on the request id) where fal
/// offers them, else from usage over each run's window, shared out per endpoint (<see cref="UsageShares"/>). Both need an
/// ADMIN key. Runs made against an emulator are not asked about: fal never saw them.
/// </summary>
public sealed class BillFetcher(IFalPlatformClient platform, TimeProvider time)
{
    public async Task<BillingFetch> FetchAsync(IReadOnlyList<RunRecord> runs, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(jobs);
        var byRun = jobs.ToLookup(j => j.RunId);
        var bills = new List<JobBill>();
        var bySource = new Dictionary<BillingSource, int>();
        var discounts = new SortedSet<decimal>();
        var (emulated, withoutEvent, eventsOffered) = (0, 0, true);
        foreach (var run in runs)
        {
            var sent = Sent(byRun[run.Id]);
            if (run.Emulated || byRun[run.Id].Any(j => j.Emulated)) { emulated++; continue; }
            if (sent.Count == 0) continue;
            var window = BillingWindow.Of(run, byRun[run.Id].ToList(), time.GetUtcNow());
            var endpoints = sent.Select(j => j.EndpointId).Distinct(StringComparer.Ordinal).ToList();
            if (eventsOffered)
            {
                try
                {
                    var events = await EventsAsync(window, endpoints, cancellationToken).ConfigureAwait(false);
                    foreach (var d in events.Select(e => e.PercentDiscount).OfType<decimal>()) discounts.Add(d);
                    var charged = events.GroupBy(e => e.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.CostTotal), StringComparer.Ordinal);
                    foreach (var job in sent)
                    {
                        // No row is not a charge of zero: fal bills failed requests nothing, but a finished one may just not be billed yet.
                        if (charged.TryGetValue(job.RequestId!, out var usd)) bills.Add(new JobBill(job.Id, usd, BillingSource.BillingEvents));
                        else if (job.State == JobState.Downloaded) withoutEvent++;
                    }
                    bySource[BillingSource.BillingEvents] = bySource.GetValueOrDefault(BillingSource.BillingEvents) + 1;
                    continue;
                }
                catch (FalPlatformException e) when (e.StatusCode == 404 || e.Type == "not_implemented")
                {
                    eventsOffered = false; // fal does not offer them here: usage for this run and every other
                }
            }
            var usage = await UsageAsync(window, endpoints, cancellationToken).ConfigureAwait(false);
            foreach (var d in usage.Select(l => l.PercentDiscount).OfType<decimal>()) discounts.Add(d);
            foreach (var (endpoint, total) in usage.GroupBy(l => l.EndpointId, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(l => l.CostTotal))))
                bills.AddRange(UsageShares.Of(total, sent.Where(j => j.EndpointId == endpoint).ToList()));
            bySource[BillingSource.Usage] = bySource.GetValueOrDefault(BillingSource.Usage) + 1;
        }
        return new BillingFetch { Bills = bills, RunsBySource = bySource, EmulatedRuns = emulated, WithoutEvent = withoutEvent, Discounts = [.. discounts] };
    }

    /// <summary>Jobs fal may have billed: sent with a request id of their own (a reused result was not sent, and carries its original's id).</summary>
    private static List<JobRecord> Sent(IEnumerable<JobRecord> jobs) =>
        [.. jobs.Where(j => j.RequestId is { Length: > 0 } && j.CachedFromJobId is null)];

    private async Task<List<FalBillingEvent>> EventsAsync(BillingWindow window, List<string> endpoints, CancellationToken cancellationToken)
    {
        var events = new List<FalBillingEvent>();
        foreach (var span in window.Spans())
            foreach (var chunk in endpoints.Chunk(50)) // fal takes 1–50 ids a call
            {
                string? cursor = null;
                do
                {
                    var page = await platform.GetBillingEventsAsync(new FalBillingEventQuery(span.Start, span.End) { EndpointIds = chunk, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
                    events.AddRange(page.Items);
                    cursor = page.NextCursor;
                } while (cursor is not null);
            }
        return events;
    }

    private async Task<List<FalUsageLine>> UsageAsync(BillingWindow window, List<string> endpoints, CancellationToken cancellationToken)
    {
        var lines = new List<FalUsageLine>();
        foreach (var chunk in endpoints.Chunk(50))
        {
            // The run's exact window (not snapped to whole minutes or hours), the summary only.
            var usage = await platform.GetUsageAsync(new FalUsageQuery(window.Start, window.End) { EndpointIds = chunk, BoundToTimeframe = false, WithTimeSeries = false }, cancellationToken).ConfigureAwait(false);
            lines.AddRange(usage.Summary);
        }
        return lines;
    }
}
