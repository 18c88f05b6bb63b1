using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Faults;

/// <summary>Turns an edge fault into what fal's edge would send: an error status with fal's body and headers, a dropped connection, or a delay.</summary>
internal static class FaultResponder
{
    /// <summary>The response that replaces the normal one, or null to carry on (no fault, or only a delay).</summary>
    public static async Task<IResult?> ApplyAsync(HttpContext http, FaultRule? rule)
    {
        switch (rule?.Kind)
        {
            case null or FaultKind.LostSubmit or FaultKind.SlowSubmit or FaultKind.StreamCut or FaultKind.Truncated or FaultKind.JobFails or FaultKind.NeverFinishes:
                return null;
            case FaultKind.Slow:
                await Task.Delay(rule.DelayMilliseconds, http.RequestAborted);
                return null;
            case FaultKind.Reset:
                http.Abort();
                return Results.Empty;
            case FaultKind.RateLimited:
                http.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Error(http, 429, "Too many requests", "rate_limited");
            case FaultKind.ServerError:
                return Error(http, 500, "Internal server error", "internal_server_error");
            case FaultKind.BadGateway:
                return Error(http, 502, "Bad gateway", "bad_gateway");
            case FaultKind.Unavailable:
                return Error(http, 503, "Runner scheduling failed", "runner_scheduling_failure");
            default:
                return null;
        }
    }

    private static IResult Error(HttpContext http, int status, string detail, string errorType)
    {
        http.Response.Headers["X-Fal-Error-Type"] = errorType;
        return Results.Json(new { detail, error_type = errorType }, statusCode: status);
    }
}
