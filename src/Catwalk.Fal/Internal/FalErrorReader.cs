using System.Net;
using System.Text.Json;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Reads fal's error answers into typed exceptions: the 422 shape <c>{"detail":[{loc,msg,type}]}</c> (or a bare
/// <c>{"detail":"text"}</c>), the flat infrastructure shape <c>{"detail","error_type"}</c>, and the headers
/// <c>x-fal-request-id</c>, <c>X-Fal-Error-Type</c>, <c>X-Fal-Request-Timeout-Type</c>, <c>X-Fal-Retryable</c>.
/// Only the body and these headers are read: request headers (the key) never reach a message.
/// </summary>
internal static class FalErrorReader
{
    private const int MaxBodyChars = 4000;

    public static async Task<FalException> ReadAsync(HttpResponseMessage response, string? endpointId, string? requestId, bool isResult, CancellationToken cancellationToken)
    {
        var body = await SafeBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return Read(response, body, endpointId, requestId, isResult);
    }

    public static FalException Read(HttpResponseMessage response, string body, string? endpointId, string? requestId, bool isResult)
    {
        var status = (int)response.StatusCode;
        using var json = TryParse(body);
        var root = json?.RootElement;
        requestId = Header(response, "x-fal-request-id") ?? requestId;
        var errorType = Header(response, "X-Fal-Error-Type") ?? StringProperty(root, "error_type");
        var timeoutType = Header(response, "X-Fal-Request-Timeout-Type");
        bool? retryable = (Header(response, "X-Fal-Retryable") ?? Header(response, "X-Fal-Needs-Retry")) is { } r ? bool.TryParse(r, out var b) && b : null;
        switch (response.StatusCode)
        {
            case HttpStatusCode.UnprocessableEntity:
                return new FalValidationException(endpointId ?? "fal", ValidationErrors(root, body), requestId) { ErrorType = errorType, Retryable = retryable };
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return new FalAuthenticationException(status, endpointId, requestId);
            case HttpStatusCode.TooManyRequests:
                return new FalRateLimitedException(endpointId, RetryAfter(response), requestId);
        }
        var detail = Detail(root, body) ?? $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (status == 504 && timeoutType == "user")
            detail = $"the request's own start timeout (x-fal-request-timeout) expired before it ran ({detail})";
        FalException error = status >= 500
            ? new FalServerException(status, endpointId, requestId, detail) { ErrorType = errorType, TimeoutType = timeoutType, Retryable = retryable }
            : isResult && requestId is not null && endpointId is not null
                ? new FalRequestFailedException(status, endpointId, requestId, detail, body) { ErrorType = errorType, TimeoutType = timeoutType, Retryable = retryable }
                : new FalException($"fal answered {status} for {endpointId ?? "a request"}: {detail}", status, requestId, endpointId) { ErrorType = errorType, TimeoutType = timeoutType, Retryable = retryable };
        return error;
    }

    /// <summary>The <c>detail</c> list; a string detail (or any other body) becomes one error on <c>body</c>, as fal's JS client does.</summary>
    public static IReadOnlyList<FalValidationError> ValidationErrors(JsonElement? root, string body)
    {
        if (root is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty("detail", out var detail))
            return [new(["body"], body.Length > 0 ? body : "invalid input", "value_error")];
        return detail.ValueKind switch
        {
            JsonValueKind.String => [new(["body"], detail.GetString()!, "value_error")],
            JsonValueKind.Array => [.. detail.EnumerateArray().Select(ValidationError)],
            _ => [new(["body"], detail.ToString(), "value_error")],
        };
    }

    private static FalValidationError ValidationError(JsonElement e) => e.ValueKind != JsonValueKind.Object
        ? new(["body"], e.ToString(), "value_error")
        : new(
            e.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array ? [.. loc.EnumerateArray().Select(l => l.ToString())] : ["body"],
            e.TryGetProperty("msg", out var msg) ? msg.ToString() : "invalid",
            e.TryGetProperty("type", out var type) ? type.ToString() : "value_error");

    private static string? Detail(JsonElement? root, string body)
    {
        if (root is { ValueKind: JsonValueKind.Object } obj)
        {
            if (obj.TryGetProperty("detail", out var d))
                return d.ValueKind == JsonValueKind.Array ? string.Join("; ", ValidationErrors(root, body).Select(e => $"{e.Field}: {e.Msg}")) : d.ToString();
            if (obj.TryGetProperty("message", out var m)) return m.ToString();
            if (obj.TryGetProperty("error", out var err)) return err.ToString();
        }
        // HTML error pages from proxies are noise; a short plain-text body is worth showing.
        return body.Length is > 0 and <= 300 && !body.TrimStart().StartsWith('<') ? body.Trim() : null;
    }

    private static JsonDocument? TryParse(string body)
    {
        if (body.Length == 0) return null;
        try { return JsonDocument.Parse(body); }
        catch (JsonException) { return null; }
    }

    private static string? StringProperty(JsonElement? root, string name) =>
        root is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<string> SafeBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > MaxBodyChars ? text[..MaxBodyChars] + "…" : text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException) { return ""; }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Retry-After as seconds or an HTTP date (relative to the response's own Date when present).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date) return date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
