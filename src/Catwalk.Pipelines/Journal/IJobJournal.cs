namespace Catwalk.Pipelines.Journal;

/// <summary>
/// Where the pipelines record their jobs (one per stage × model × input) so a run can be resumed without paying
/// twice. The pipelines work the same without one (<see cref="NullJobJournal"/>); the run store provides the durable one.
/// </summary>
public interface IJobJournal
{
    /// <summary>Opens a job: says what is already known about it (a request id, a saved result, a cache hit).</summary>
    ValueTask<IJobTicket> BeginAsync(JobStart start, CancellationToken cancellationToken);
}
