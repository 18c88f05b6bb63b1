using System.Globalization;
using Catwalk.Cli.Terminal;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Fal.Platform;
using Catwalk.Runs.Billing;
using Catwalk.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// <c>report --billed</c>'s fetch: fal's Platform API (where configuration points, as for the other fal calls) with the
/// ADMIN key — <c>FAL_ADMIN_KEY</c>, else <c>FAL_KEY</c> in case it is one — then the bills stored with the jobs in one
/// write. Says in one line each what it found; the key is never in any of them.
/// </summary>
internal sealed class BillingLookup(IConfiguration configuration)
{
    public const string NoAdminKey =
        "report --billed needs an ADMIN-scope fal key to read what fal billed: set FAL_ADMIN_KEY (a key made with scope ADMIN in fal's dashboard, under Keys), or FAL_KEY when it is one.";

    /// <returns>The lines to say (for stderr under --json, so stdout stays JSON).</returns>
    public async Task<IReadOnlyList<string>> FetchAndStoreAsync(IRunStore store, IReadOnlyList<RunRecord> runs, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var emulated = runs.Count(r => r.Emulated || jobs.Any(j => j.RunId == r.Id && j.Emulated));
        var real = runs.Where(r => !r.Emulated && !jobs.Any(j => j.RunId == r.Id && j.Emulated)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (emulated > 0) lines.Add($"{emulated} emulated run(s) billed nothing: their requests went to Catwalk's fal emulator, not to fal, so there is no bill to fetch.");
        if (!jobs.Any(j => real.Contains(j.RunId) && j.RequestId is { Length: > 0 } && j.CachedFromJobId is null))
        {
            if (emulated == 0) lines.Add("No job of these runs was sent to fal, so there is no bill to fetch.");
            return lines;
        }

        var admin = FalKey.AdminFromEnvironment() ?? FalKey.FromEnvironment() ?? throw new InvalidInputException(NoAdminKey);
        var endpoints = FalEndpoints.From(configuration);
        await using var services = new ServiceCollection()
            .AddFalClient(o => (o.QueueUrl, o.StorageUrl, o.ApiUrl, o.Key, o.AdminKey) = (endpoints.QueueUrl, endpoints.StorageUrl, endpoints.ApiUrl, admin, admin))
            .BuildServiceProvider();
        BillingFetch fetch;
        try
        {
            fetch = await new BillFetcher(services.GetRequiredService<IFalPlatformClient>(), TimeProvider.System)
                .FetchAsync([.. runs.Where(r => real.Contains(r.Id))], [.. jobs.Where(j => real.Contains(j.RunId))], cancellationToken).ConfigureAwait(false);
        }
        catch (FalPlatformException e) when (e.NeedsAdminKey)
        {
            var which = FalKey.AdminFromEnvironment() is null ? "FAL_KEY is a normal API key" : "FAL_ADMIN_KEY is not an ADMIN-scope key";
            throw new BillingRefusedException($"fal refused to say what it billed: {which}. Set FAL_ADMIN_KEY to a key made with scope ADMIN in fal's dashboard (under Keys).");
        }
        await store.RecordBilledAsync(fetch.Bills, cancellationToken).ConfigureAwait(false);

        var sources = string.Join(" and ", fetch.RunsBySource.OrderBy(s => s.Key).Select(s => s.Key switch
        {
            BillingSource.BillingEvents => $"per request (billing events) for {s.Value} run(s)",
            _ => $"from usage over the run's window, shared per endpoint in proportion to the estimates, for {s.Value} run(s)",
        }));
        lines.Add($"Fetched what fal billed: {fetch.Bills.Count} job(s), {Money.Format(fetch.Bills.Sum(b => b.BilledUsd))}, {sources}; stored with the jobs.");
        if (fetch.Discounts.Count > 0)
            lines.Add($"fal applied an account discount of {string.Join(", ", fetch.Discounts.Select(d => d.ToString("0.##", CultureInfo.InvariantCulture) + "%"))}: it shows here and nowhere else.");
        if (fetch.WithoutEvent > 0)
            lines.Add($"{fetch.WithoutEvent} finished job(s) have no billing event yet (fal may not have billed them yet); `catwalk report --billed` again later fetches them.");
        return lines;
    }
}
