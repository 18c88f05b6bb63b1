using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Endpoints;

/// <summary>
/// When a key is required, queue and storage-initiate calls must carry <c>Authorization: Key &lt;key&gt;</c> (401 otherwise).
/// Files, the pre-signed upload URL and the stats need none. The key itself is never logged or echoed.
/// </summary>
internal sealed class KeyCheckMiddleware(RequestDelegate next, EmulatorContext context)
{
    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        // The Platform APIs (/v1/…) check keys themselves: their error body differs and /v1/models needs none.
        var open = path.StartsWith("/files/", StringComparison.Ordinal) || path.StartsWith("/_emulator/", StringComparison.Ordinal) || path.StartsWith("/v1/", StringComparison.Ordinal)
                   || (path.StartsWith("/storage/upload/put/", StringComparison.Ordinal) && HttpMethods.IsPut(http.Request.Method));
        if (context.Options.RequiredKey is not { } key || open) return next(http);
        var header = http.Request.Headers.Authorization.ToString();
        if (header == $"Key {key}") return next(http);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return http.Response.WriteAsJsonAsync(new { detail = string.IsNullOrEmpty(header) ? "No API key provided." : "Invalid API key." });
    }
}
