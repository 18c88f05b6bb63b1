namespace Catwalk.Pipelines;

public enum VideoOutcomeStatus
{
    Succeeded,
    Failed,
    Cancelled,
}
