namespace Catwalk.Fal.Platform;

/// <summary>One usage line item: what an endpoint was billed, in its unit, before and after the account's discount.</summary>
public sealed record FalUsageLine(string EndpointId, string Unit, decimal Quantity, decimal UnitPrice, decimal? PercentDiscount, decimal CostSubtotal, decimal CostTotal, string Currency);
