namespace Catwalk.Catalog;

/// <summary>What fal is expected to bill for one job; <see cref="Verified"/> is false when the price is not published by fal.</summary>
public sealed record CostEstimate(decimal Usd, string Basis, bool Verified)
{
    public static CostEstimate Zero { get; } = new(0m, "nothing billed", true);
}
