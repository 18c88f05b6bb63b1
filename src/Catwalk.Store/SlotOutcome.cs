namespace Catwalk.Store;

/// <summary>What became of a <see cref="SlotRequest"/>.</summary>
public enum SlotOutcome
{
    /// <summary>The slot is held (or was already held by this owner) until it expires or is released.</summary>
    Granted,
    /// <summary>The endpoint already has its limit of live slots: try again later.</summary>
    EndpointFull,
    /// <summary>Reserving the job's estimate would take the run past its budget: it must not be sent.</summary>
    OverBudget,
    /// <summary>Another live owner holds this job's slot: someone else is working on it.</summary>
    HeldElsewhere,
}
