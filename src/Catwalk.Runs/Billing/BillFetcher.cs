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
        var found = new BillsFound();
        var (emulated, eventsOffered) = (0, true);
        foreach (var run in runs)
        {
            if (run.Emulated || byRun[run.Id].Any(j => j.Emulated)) { emulated++; continue; }
            var sent = Sent(byRun[run.Id]);
            if (sent.Count == 0) continue;
            var window = BillingWindow.Of(run, [.. byRun[run.Id]], time.GetUtcNow());
            var endpoints = sent.Select(j => j.EndpointId).Distinct(StringComparer.Ordinal).ToList();
            if (eventsOffered)
            {
                try
                {
                    found.FromEvents(sent, await EventsAsync(window, endpoints, cancellationToken).ConfigureAwait(false));
                    continue;
                }
                catch (FalPlatformException e) when (e.StatusCode == 404 || e.Type == "not_implemented")
                {
                    eventsOffered = false; // fal does not offer them here: usage for this run and every other
                }
            }
            found.FromUsage(sent, await UsageAsync(window, endpoints, cancellationToken).ConfigureAwait(false));
        }
        return new BillingFetch { Bills = found.Bills, RunsBySource = found.RunsBySource, EmulatedRuns = emulated, WithoutEvent = found.WithoutEvent, Discounts = [.. found.Discounts] };
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
