namespace Catwalk.Fal.Platform;

/// <summary>An error from fal's Platform APIs, with its <c>error.type</c> (<c>authorization_error</c>, <c>validation_error</c>, <c>not_found</c>, <c>rate_limited</c>, <c>server_error</c>, …).</summary>
public sealed class FalPlatformException(string message, int statusCode, string? type) : FalException(message, statusCode)
{
    /// <summary>fal's <c>error.type</c>, or null when the body was not the Platform error shape.</summary>
    public string? Type { get; } = type;

    /// <summary>403 on an ADMIN-only API: the key is a normal API key.</summary>
    public bool NeedsAdminKey => StatusCode == 403;
}
