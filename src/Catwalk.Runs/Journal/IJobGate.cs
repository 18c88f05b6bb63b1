using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>
/// A run's limits on what is at fal at once and on what it may spend. In one process, <see cref="JobGate"/>; across
/// worker processes, a gate that keeps its slots in the shared store.
/// </summary>
public interface IJobGate
{
    /// <summary>
    /// Waits for a slot for <paramref name="job"/>; with <paramref name="reserveUsd"/> &gt; 0 also reserves that much of
    /// the budget, or throws <see cref="Catwalk.Pipelines.Journal.BudgetExceededException"/>.
    /// </summary>
    ValueTask<IJobSlot> AcquireAsync(JobRecord job, decimal reserveUsd, CancellationToken cancellationToken);
}
