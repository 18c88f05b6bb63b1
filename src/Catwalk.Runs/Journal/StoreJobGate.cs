using Catwalk.Pipelines.Journal;
using Catwalk.Store;

namespace Catwalk.Runs.Journal;

/// <summary>
/// The run's limits kept in the shared store, so they hold across every worker process: a job takes a slot (its
/// endpoint has at most <paramref name="perEndpoint"/> live ones, and its estimate is reserved against the budget)
/// before it is sent. A full endpoint is waited for; a slot left by a dead worker expires (<see cref="SlotRequest.TimeToLive"/>).
/// The owner must keep its slots alive (<see cref="ISlotStore.RenewSlotsAsync"/>) while it works.
/// </summary>
public sealed class StoreJobGate(ISlotStore store, string owner, int perEndpoint, decimal? budgetUsd, TimeSpan slotTimeToLive, TimeProvider time) : IJobGate
{
    /// <summary>How long to wait between tries while an endpoint is full (a little random, so waiting workers do not ask in step).</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How long to wait for a full endpoint before giving up with <see cref="EndpointBusyException"/> (null: for ever).
    /// A worker gives its thread back this way, so jobs a dead worker left at fal always find a thread to collect them.
    /// </summary>
    public TimeSpan? MaxWait { get; init; }

    public string Owner => owner;

    private (string JobId, long At)? _claim;

    /// <summary>
    /// Takes the job's slot for all of this owner's work on it (a worker's claim). A later <see cref="AcquireAsync"/> for
    /// the same job, while the claim is certainly alive, takes nothing more: the claim already counts for the endpoint.
    /// </summary>
    public async ValueTask<IJobSlot> ClaimAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var at = time.GetTimestamp();
        var slot = await AcquireAsync(job, 0, cancellationToken).ConfigureAwait(false);
        _claim = (job.Id, at);
        return slot;
    }

    public async ValueTask<IJobSlot> AcquireAsync(JobRecord job, decimal reserveUsd, CancellationToken cancellationToken)
    {
        // Within half its lifetime a claim cannot have expired, so no other worker can hold the job: asking the store
        // again would only cost its round trips. With a budget the store is asked all the same (it reserves the estimate).
        if (budgetUsd is null && _claim is { } claim && claim.JobId == job.Id && time.GetElapsedTime(claim.At) < slotTimeToLive / 2)
            return CoveredByClaim.Instance;
        var request = new SlotRequest
        {
            JobId = job.Id, RunId = job.RunId, EndpointId = job.EndpointId, Owner = owner, EndpointLimit = perEndpoint,
            BudgetUsd = budgetUsd, ReserveUsd = reserveUsd, TimeToLive = slotTimeToLive,
        };
        // A job another worker holds is waited for a little longer than a slot lives: if that worker died, its slot expires.
        var started = time.GetUtcNow();
        var heldUntil = started + slotTimeToLive * 1.5;
        while (true)
        {
            var result = await store.TryTakeSlotAsync(request, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case SlotOutcome.Granted:
                    return new StoreSlot(store, job.Id, owner);
                case SlotOutcome.OverBudget:
                    throw new BudgetExceededException(
                        $"not sent: it would cost ≈${reserveUsd:0.00##} and ${result.CommittedUsd:0.00##} of the ${budgetUsd:0.00} budget is already spent or committed (all workers)");
                case SlotOutcome.HeldElsewhere when time.GetUtcNow() > heldUntil:
                    throw new JobHeldElsewhereException(job, result.Holder ?? "another worker");
                case SlotOutcome.EndpointFull when MaxWait is { } most && time.GetUtcNow() - started > most:
                    throw new EndpointBusyException(job, perEndpoint);
            }
            var jitter = Random.Shared.NextDouble() * RetryInterval.TotalMilliseconds;
            await Task.Delay(RetryInterval + TimeSpan.FromMilliseconds(jitter), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The job's claim holds its slot; the claim's own disposal frees it.</summary>
    private sealed class CoveredByClaim : IJobSlot
    {
        public static readonly CoveredByClaim Instance = new();
        public ValueTask RefundAsync() => ValueTask.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class StoreSlot(ISlotStore store, string jobId, string owner) : IJobSlot
    {
        private int _released;

        public async ValueTask RefundAsync() => await store.RefundSlotAsync(jobId, owner, CancellationToken.None).ConfigureAwait(false);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) await store.ReleaseSlotAsync(jobId, owner, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
