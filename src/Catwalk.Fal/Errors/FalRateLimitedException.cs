namespace Catwalk.Fal;

/// <summary>fal asked us to slow down (429), still so after retries.</summary>
public sealed class FalRateLimitedException(string? endpointId, TimeSpan? retryAfter)
    : FalException($"fal is rate-limiting requests to {endpointId ?? "fal"}{(retryAfter is { } r ? $" (retry after {r.TotalSeconds:0} s)" : "")}; try again later or lower the concurrency.", 429, null, endpointId)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
