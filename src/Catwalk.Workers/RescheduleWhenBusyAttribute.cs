using Catwalk.Runs.Journal;
using Hangfire.Common;
using Hangfire.States;

namespace Catwalk.Workers;

/// <summary>
/// A job that could not start because its endpoint is full, or because another live worker holds it, has not failed:
/// it goes back to the queue a little later (not counted as a retry), and the worker's thread is free meanwhile — so
/// jobs a dead worker left at fal always find a thread to collect them, however busy the endpoints are.
/// </summary>
public sealed class RescheduleWhenBusyAttribute : JobFilterAttribute, IElectStateFilter
{
    public RescheduleWhenBusyAttribute() => Order = 0; // before AutomaticRetry, which would count it as a failure

    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState { Exception: var e }) return;
        if (e is not (EndpointBusyException or JobHeldElsewhereException)) return;
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
        context.CandidateState = new ScheduledState(Delay + jitter) { Reason = e.Message };
    }
}
