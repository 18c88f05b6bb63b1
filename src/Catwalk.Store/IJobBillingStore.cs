namespace Catwalk.Store;

/// <summary>What fal billed for jobs (<c>report --billed</c>), kept with them: written by the one command that fetches it, read with the jobs.</summary>
public interface IJobBillingStore
{
    /// <summary>
    /// Records every bill in one write (a fetch covers a whole run or store: one commit, not one per job), stamped with
    /// the store's clock; a later fetch replaces an earlier one. Returns how many of the jobs exist.
    /// </summary>
    Task<int> RecordBilledAsync(IReadOnlyList<JobBill> bills, CancellationToken cancellationToken = default);
}
