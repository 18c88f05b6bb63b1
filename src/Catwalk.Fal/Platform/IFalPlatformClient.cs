namespace Catwalk.Fal.Platform;

/// <summary>fal's Platform APIs (<c>https://api.fal.ai/v1</c>): models and their OpenAPI, prices, estimates, usage and billing events (ADMIN key) and request history.</summary>
public interface IFalPlatformClient
{
    Task<FalPage<FalModel>> GetModelsAsync(FalModelQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FalPrice>> GetPricesAsync(IReadOnlyList<string> endpointIds, CancellationToken cancellationToken = default);

    /// <summary><c>unit_price</c> estimate: units per endpoint × its unit price; the total only (fal gives no breakdown).</summary>
    Task<decimal> EstimateUnitsAsync(IReadOnlyDictionary<string, decimal> unitsByEndpoint, CancellationToken cancellationToken = default);

    /// <summary><c>historical_api_price</c> estimate: calls per endpoint × what a call cost historically.</summary>
    Task<decimal> EstimateCallsAsync(IReadOnlyDictionary<string, int> callsByEndpoint, CancellationToken cancellationToken = default);

    /// <summary>Needs an ADMIN key (<see cref="FalOptions.AdminKey"/>, else <see cref="FalOptions.Key"/>); a normal key gets <see cref="FalPlatformException.NeedsAdminKey"/>.</summary>
    Task<FalUsage> GetUsageAsync(FalUsageQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of per-request bills (ADMIN key, as usage). fal may not offer it everywhere: then a 404 or
    /// <c>not_implemented</c> <see cref="FalPlatformException"/>, and usage is what is left.
    /// </summary>
    Task<FalPage<FalBillingEvent>> GetBillingEventsAsync(FalBillingEventQuery query, CancellationToken cancellationToken = default);

    Task<FalPage<FalRequestRecord>> GetRequestsAsync(FalRequestQuery query, CancellationToken cancellationToken = default);
}
