namespace Catwalk.Store;

/// <summary>
/// Slots: per-endpoint concurrency and run budgets held across every process sharing the store (workers), with the
/// budget reservation of a job not sent yet.
/// </summary>
public interface ISlotStore
{
    /// <summary>
    /// Takes a slot for a job, atomically across every process sharing the store: refused when the endpoint has its
    /// limit of slots, when the job's reservation would pass the run's budget (counting what its jobs cost or may
    /// cost and the live reservations of jobs not yet sent), or when another live owner holds the job. An expired slot
    /// whose job is at fal (its owner died) still counts for the endpoint, and is taken over by the next owner to ask.
    /// </summary>
    Task<SlotResult> TryTakeSlotAsync(SlotRequest request, CancellationToken cancellationToken = default);

    /// <summary>Keeps an owner's slots alive until <paramref name="expiresAt"/> (unix ms); returns how many it holds.</summary>
    Task<int> RenewSlotsAsync(string owner, long expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a job's slot back (only its owner can).</summary>
    Task ReleaseSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Returns a held slot's budget reservation (its job was never sent, or was reused from the cache).</summary>
    Task RefundSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Expired slots at <paramref name="endpointId"/> whose jobs are at fal: jobs a dead worker left, waiting to be taken over.</summary>
    Task<IReadOnlyList<SlotRecord>> ListOrphanedSlotsAsync(string endpointId, CancellationToken cancellationToken = default);

    /// <summary>Slots that have not expired, oldest first.</summary>
    Task<IReadOnlyList<SlotRecord>> ListSlotsAsync(CancellationToken cancellationToken = default);
}
