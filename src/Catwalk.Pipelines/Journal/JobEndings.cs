using Catwalk.Fal;

namespace Catwalk.Pipelines.Journal;

/// <summary>The one table from what a job attempt threw to how the job ended, for every stage.</summary>
public static class JobEndings
{
    public static JobEnding Of(Exception e, CancellationToken cancellationToken) => e switch
    {
        BudgetExceededException => new(JobOutcomeStatus.Skipped, e.Message, Recorded: false),
        OperationCanceledException when cancellationToken.IsCancellationRequested => new(JobOutcomeStatus.Cancelled, "cancelled", Recorded: true),
        FalRequestFailedException { CancelledBeforeRunning: true } => new(JobOutcomeStatus.Cancelled, $"fal cancelled it before it ran (not billed): {e.Message}", Recorded: true),
        // fal's start deadline (x-fal-request-timeout) passed while the job was still queued: it never ran, so it was not
        // billed. Ended as cancelled by fal, which the engine sends once more (RunService's second pass).
        FalException { TimeoutType: "user" } => new(JobOutcomeStatus.Cancelled, $"fal dropped it unstarted at its start deadline (not billed): {e.Message}", Recorded: true),
        FalTimeoutException { CancelledAtFal: false } => new(JobOutcomeStatus.Failed, $"{e.Message} `catwalk resume` collects it.", Recorded: false),
        FalSubmitUncertainException => new(JobOutcomeStatus.Unknown, e.Message, Recorded: true),
        JobSkippedException skipped => new(skipped.Status, e.Message, Recorded: true),
        // The message is the user-facing one; details stay in logs.
        _ => new(JobOutcomeStatus.Failed, ErrorText.For(e), Recorded: true),
    };
}
