namespace Catwalk.Fal;

/// <summary>fal asked us to slow down (429), still so after retries.</summary>
public sealed class FalRateLimitedException(string? endpointId, TimeSpan? retryAfter, string? requestId = null)
    : FalException($"fal is rate-limiting requests to {endpointId ?? "fal"}{(retryAfter is { } r ? $" (retry after {Math.Ceiling(r.TotalSeconds):0} s)" : "")}; try again later or lower the concurrency.",
        429, requestId, endpointId)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
