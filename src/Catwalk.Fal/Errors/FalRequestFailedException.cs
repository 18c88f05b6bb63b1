namespace Catwalk.Fal;

/// <summary>
/// The job ran (or was cancelled) but did not produce output: fal's result endpoint replays the model's own error.
/// <see cref="Body"/> keeps that error (trimmed) for diagnostics; the message is its <c>detail</c>.
/// </summary>
public sealed class FalRequestFailedException(int statusCode, string endpointId, string requestId, string detail, string? body = null)
    : FalException($"{endpointId} request {requestId} failed ({statusCode}): {detail}", statusCode, requestId, endpointId)
{
    public string? Body { get; } = body;

    /// <summary>fal removed the job from its queue before it ran (a cancel while queued): nothing was billed, it may be sent again.</summary>
    public bool CancelledBeforeRunning { get; } = detail.Contains("cancelled", StringComparison.OrdinalIgnoreCase) || detail.Contains("canceled", StringComparison.OrdinalIgnoreCase);
}
