using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Which failures are retried. Reads (status, result, downloads) and cancel are safe to repeat. A submit is a
/// payment: it is repeated only when the answer proves nothing was enqueued — 429, 502/503/504 from fal's edge,
/// or a refused connection — never after a timeout or a connection lost mid-request.
/// </summary>
internal static class FalRetryRules
{
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        var isSubmit = request?.Method == HttpMethod.Post;
        if (outcome.Exception is { } error)
        {
            if (error is OperationCanceledException) return false; // the caller gave up; TimeoutRejectedException is not one
            return isSubmit ? NothingWasSent(error) : error is HttpRequestException or TimeoutRejectedException or IOException;
        }
        if (outcome.Result is not { } response) return false;
        if (IsUserTimeout(response)) return false;
        return (int)response.StatusCode switch
        {
            429 or 502 or 503 or 504 => true,
            500 => IsStatusCall(request), // as fal's client: a status poll is retried on 500; a result replays a model error
            _ => false,
        };
    }

    /// <summary>Connection refused or host not found: the request never reached fal.</summary>
    public static bool NothingWasSent(Exception error) =>
        error is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain } }
        || error is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } && error.InnerException is SocketException;

    private static bool IsStatusCall(HttpRequestMessage? request) =>
        request?.Method == HttpMethod.Get && request.RequestUri?.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) == true;

    /// <summary>fal's 504 for an expired x-fal-request-timeout is the caller's own deadline: never retried.</summary>
    private static bool IsUserTimeout(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.GatewayTimeout
        && response.Headers.TryGetValues("X-Fal-Request-Timeout-Type", out var values) && values.Contains("user");
}
