namespace Catwalk.Fal.Platform;

/// <summary>
/// What fal billed for one request (<c>GET /v1/models/billing-events</c>): units in the endpoint's unit, the unit price
/// before discount, and the cost before and after the account's discount. <see cref="CostTotal"/> is the charge.
/// </summary>
public sealed record FalBillingEvent(string RequestId, string EndpointId, DateTimeOffset Timestamp, decimal? OutputUnits, decimal? UnitPrice,
    decimal? PercentDiscount, decimal CostSubtotal, decimal CostDiscount, decimal CostTotal, long? CostEstimateNanoUsd);
