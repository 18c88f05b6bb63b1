namespace Catwalk.Pipelines.Journal;

/// <summary>
/// The journal says this job already ended without a result (failed, or maybe billed) and is not to be run again in
/// this attempt; <c>catwalk resume --retry-failed</c> or <c>--resubmit-unknown</c> reopens it.
/// </summary>
public sealed class JobSkippedException(JobOutcomeStatus status, string message) : Exception(message)
{
    public JobOutcomeStatus Status { get; } = status;
}
