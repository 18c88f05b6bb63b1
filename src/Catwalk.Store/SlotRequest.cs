namespace Catwalk.Store;

/// <summary>
/// A worker asks for a slot to work on a job: at most <see cref="EndpointLimit"/> live slots per endpoint across all
/// processes, and <see cref="ReserveUsd"/> of the run's budget reserved (none for a job fal already has).
/// </summary>
public sealed record SlotRequest
{
    public required string JobId { get; init; }
    public required string RunId { get; init; }
    public required string EndpointId { get; init; }
    /// <summary>Who holds it: a worker process's unique name.</summary>
    public required string Owner { get; init; }
    public required int EndpointLimit { get; init; }
    public decimal? BudgetUsd { get; init; }
    public decimal ReserveUsd { get; init; }
    /// <summary>How long the slot lives unless renewed (<see cref="ISlotStore.RenewSlotsAsync"/>): a dead owner's slots free themselves.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromSeconds(30);
}
