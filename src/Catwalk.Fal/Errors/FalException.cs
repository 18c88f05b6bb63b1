namespace Catwalk.Fal;

/// <summary>Anything fal answered with an error, or a job that could not be completed. Messages are one user-facing line and never hold the key.</summary>
public class FalException(string message, int? statusCode = null, string? requestId = null, string? endpointId = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;
    public string? EndpointId { get; } = endpointId;
    /// <summary>fal's machine-readable error category (<c>error_type</c> / <c>X-Fal-Error-Type</c>), when given.</summary>
    public string? ErrorType { get; init; }
    /// <summary><c>X-Fal-Request-Timeout-Type</c>: <c>user</c> when the caller's own <c>x-fal-request-timeout</c> expired.</summary>
    public string? TimeoutType { get; init; }
    /// <summary><c>X-Fal-Retryable</c> on model errors: whether fal thinks trying again may help (null when not said).</summary>
    public bool? Retryable { get; init; }
}
