namespace Catwalk.Store;

/// <summary>Where what fal billed for a job came from.</summary>
public enum BillingSource
{
    /// <summary>fal's per-request bill (<c>/models/billing-events</c>), joined on the job's request id.</summary>
    BillingEvents,
    /// <summary>fal's usage over the run's window (<c>/models/usage</c>), each endpoint's total shared out over the run's jobs of it.</summary>
    Usage,
}
