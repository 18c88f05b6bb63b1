using Catwalk.Runs.Reconciliation;

namespace Catwalk.Runs;

/// <summary>What <c>catwalk resume</c> reopened before going on: failed jobs, jobs fal cancelled, jobs that may be at fal; and what fal's request history decided of the unknown ones.</summary>
public sealed record RunReopenCounts(int Failed, int Cancelled, int Unknown, int FoundMidSend)
{
    public IReadOnlyList<ReconciledJob> Reconciled { get; init; } = [];

    public int Count(ReconcileVerdict verdict) => Reconciled.Count(r => r.Verdict == verdict);
}
