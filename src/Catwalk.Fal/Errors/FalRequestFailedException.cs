namespace Catwalk.Fal;

/// <summary>The job ran but the model failed, or was cancelled; fal's result endpoint replays the model's error.</summary>
public sealed class FalRequestFailedException(int statusCode, string endpointId, string requestId, string detail)
    : FalException($"{endpointId} request {requestId} failed ({statusCode}): {detail}", statusCode, requestId, endpointId);
