namespace Catwalk.Fal;

public enum FalCancelOutcome
{
    /// <summary>Queued jobs are removed; running ones are asked to stop (the model decides).</summary>
    CancellationRequested,
    AlreadyCompleted,
    NotFound,
}
