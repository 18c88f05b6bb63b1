namespace Catwalk.Fal;

/// <summary>fal refused the key (401/403).</summary>
public sealed class FalAuthenticationException(int statusCode, string? endpointId)
    : FalException($"fal refused the request ({statusCode}): the key is missing, wrong or lacks permission. Check FAL_KEY (run `catwalk check`).", statusCode, null, endpointId);
