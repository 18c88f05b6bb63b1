namespace Catwalk.Store;

/// <summary>The answer to a <see cref="SlotRequest"/>: the outcome, the run's spent-or-committed total it was judged against, and the other holder if any.</summary>
public sealed record SlotResult(SlotOutcome Outcome, decimal CommittedUsd, string? Holder = null);
