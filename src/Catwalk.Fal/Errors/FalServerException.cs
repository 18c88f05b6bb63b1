namespace Catwalk.Fal;

/// <summary>fal or the model's runner failed (5xx), still so after retries. fal does not bill 5xx failures.</summary>
public sealed class FalServerException(int statusCode, string? endpointId, string? requestId, string detail)
    : FalException($"fal had a server error ({statusCode}) on {endpointId ?? "fal"}: {detail}", statusCode, requestId, endpointId);
