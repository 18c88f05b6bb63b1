using System.Net;
using System.Text.Json;

namespace Catwalk.Fal.Internal;

/// <summary>Reads fal's two error shapes (a 422 <c>detail</c> list, or a flat <c>{detail, error_type}</c>) into typed exceptions.</summary>
internal static class FalErrorReader
{
    private const int MaxBodyChars = 4000;

    public static async Task<FalException> ReadAsync(HttpResponseMessage response, string? endpointId, string? requestId, bool isResult, CancellationToken cancellationToken)
    {
        var body = await SafeBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        requestId = Header(response, "x-fal-request-id") ?? requestId;
        var errorType = Header(response, "X-Fal-Error-Type") ?? JsonString(body, "error_type");
        switch (response.StatusCode)
        {
            case HttpStatusCode.UnprocessableEntity:
                return new FalValidationException(endpointId ?? "fal", ValidationErrors(body), requestId) { ErrorType = errorType };
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return new FalAuthenticationException(status, endpointId);
            case HttpStatusCode.TooManyRequests:
                return new FalRateLimitedException(endpointId, RetryAfter(response));
        }
        var detail = Detail(body) ?? response.ReasonPhrase ?? "no detail";
        if (status >= 500) return new FalServerException(status, endpointId, requestId, detail) { ErrorType = errorType };
        if (isResult && requestId is not null && endpointId is not null) return new FalRequestFailedException(status, endpointId, requestId, detail) { ErrorType = errorType };
        return new FalException($"fal answered {status} for {endpointId ?? "a request"}: {detail}", status, requestId, endpointId) { ErrorType = errorType };
    }

    public static IReadOnlyList<FalValidationError> ValidationErrors(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("detail", out var detail)) return [new(["body"], body.Length > 0 ? body : "invalid input", "value_error")];
            if (detail.ValueKind == JsonValueKind.String) return [new(["body"], detail.GetString()!, "value_error")];
            if (detail.ValueKind != JsonValueKind.Array) return [new(["body"], detail.ToString(), "value_error")];
            return [.. detail.EnumerateArray().Select(e => new FalValidationError(
                e.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array ? [.. loc.EnumerateArray().Select(l => l.ToString())] : ["body"],
                e.TryGetProperty("msg", out var msg) ? msg.ToString() : "invalid",
                e.TryGetProperty("type", out var type) ? type.ToString() : "value_error"))];
        }
        catch (JsonException)
        {
            return [new(["body"], body.Length > 0 ? body : "invalid input", "value_error")];
        }
    }

    private static string? Detail(string body)
    {
        if (JsonString(body, "detail") is { } text) return text;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("detail", out var d)) return d.ToString();
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m)) return m.ToString();
        }
        catch (JsonException) { }
        return body.Length > 0 ? body : null;
    }

    private static string? JsonString(string body, string name)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

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

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
}
