namespace Catwalk.Store;

/// <summary>What fal billed for one job (USD, after account discounts) and where that came from.</summary>
public sealed record JobBill(string JobId, decimal BilledUsd, BillingSource Source);
