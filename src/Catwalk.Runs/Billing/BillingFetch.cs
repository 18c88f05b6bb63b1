using Catwalk.Store;

namespace Catwalk.Runs.Billing;

/// <summary>What one fetch of fal's bills found, to store and to say.</summary>
public sealed record BillingFetch
{
    /// <summary>A bill per job fal billed (or, from usage, per job its endpoint's total was shared over).</summary>
    public IReadOnlyList<JobBill> Bills { get; init; } = [];
    /// <summary>Runs whose bills were fetched, by the source that answered.</summary>
    public IReadOnlyDictionary<BillingSource, int> RunsBySource { get; init; } = new Dictionary<BillingSource, int>();
    /// <summary>Runs made against an emulator: fal billed nothing for them, so nothing was asked or stored.</summary>
    public int EmulatedRuns { get; init; }
    /// <summary>Jobs sent to fal and finished that no billing event names (fal bills failed requests nothing; events may also lag).</summary>
    public int WithoutEvent { get; init; }
    /// <summary>The account discounts (percent) fal's rows carried; empty when none was applied.</summary>
    public IReadOnlyList<decimal> Discounts { get; init; } = [];
}
