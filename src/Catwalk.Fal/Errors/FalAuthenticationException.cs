namespace Catwalk.Fal;

/// <summary>fal refused the key (401/403).</summary>
public sealed class FalAuthenticationException(int statusCode, string? endpointId, string? requestId = null)
    : FalException($"fal refused the request to {endpointId ?? "fal"} ({statusCode}): the key is missing, wrong or lacks permission. Check FAL_KEY (run `catwalk check`).",
        statusCode, requestId, endpointId);
