using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Which failures the resilience pipelines retry.
/// <list type="bullet">
/// <item>A queue submit is a payment: repeated only when the answer proves nothing was enqueued — 429 or 502/503/504
/// from fal's edge, or a connection refused before anything was sent — never after a 500, a timeout or a connection
/// lost mid-request (that is <see cref="FalSubmitUncertainException"/>).</item>
/// <item>Status polls, cancel, storage initiate, the upload PUT and downloads are safe to repeat: 429, 500, 502, 503,
/// 504 and transport errors.</item>
/// <item>The result endpoint replays the model's own error status, so a 500 there is the model's answer, not a glitch:
/// it is retried like a read except on 500 (as fal's JS client does).</item>
/// </list>
/// fal's 504 for an expired <c>x-fal-request-timeout</c> is the caller's own deadline and is never retried.
/// </summary>
internal static class FalRetryRules
{
    private static readonly int[] NotEnqueuedStatuses = [429, 502, 503, 504];
    private static readonly int[] SafeToRepeatStatuses = [429, 500, 502, 503, 504];

    /// <summary>For the queue client, which carries submits (POST), status and result (GET) and cancel (PUT).</summary>
    public static bool ShouldRetry(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome)
    {
        if (request?.Method == HttpMethod.Post) return ShouldRetrySubmit(outcome);
        if (request?.Method == HttpMethod.Get && !IsStatusCall(request))
            return ShouldRetrySafeCall(outcome) && outcome.Result?.StatusCode != HttpStatusCode.InternalServerError;
        return ShouldRetrySafeCall(outcome);
    }

    public static bool ShouldRetrySubmit(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } error) return error is not OperationCanceledException && NothingWasSent(error);
        return outcome.Result is { } response && !IsUserTimeout(response) && NotEnqueuedStatuses.Contains((int)response.StatusCode);
    }

    public static bool ShouldRetrySafeCall(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } error)
            // A per-attempt timeout (TimeoutRejectedException) is worth another try; the caller's own cancellation is not.
            return error is HttpRequestException or TimeoutRejectedException or IOException;
        return outcome.Result is { } response && !IsUserTimeout(response) && SafeToRepeatStatuses.Contains((int)response.StatusCode);
    }

    /// <summary>Connection refused or host not found: the request never reached fal, so nothing can have been enqueued.</summary>
    public static bool NothingWasSent(Exception error) =>
        error is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain } }
        || error is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
        || error is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError, InnerException: SocketException };

    private static bool IsStatusCall(HttpRequestMessage request) =>
        request.RequestUri?.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) == true;

    private static bool IsUserTimeout(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.GatewayTimeout
        && response.Headers.TryGetValues("X-Fal-Request-Timeout-Type", out var values) && values.Contains("user", StringComparer.OrdinalIgnoreCase);
}
