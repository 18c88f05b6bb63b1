using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Endpoints;

/// <summary>
/// Counts what clients send (request line, headers and body) to fal's API, so benchmarks can compare bytes on
/// the wire between ways of calling it. The emulator's own statistics endpoints are not counted.
/// </summary>
internal sealed class RequestBytesMiddleware(RequestDelegate next, EmulatorContext context)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/_emulator"))
        {
            await next(http);
            return;
        }
        // "METHOD /path?query HTTP/1.1\r\n", each "Name: value\r\n", then "\r\n".
        long head = request.Method.Length + 1 + (request.Path.Value?.Length ?? 0) + request.QueryString.Value!.Length + 1 + request.Protocol.Length + 2 + 2;
        foreach (var (name, values) in request.Headers) head += name.Length + 2 + values.ToString().Length + 2;
        var body = new CountingReadStream(request.Body);
        request.Body = body;
        try
        {
            await next(http);
        }
        finally
        {
            context.Stats.Received(head + Math.Max(body.BytesRead, request.ContentLength ?? 0));
        }
    }
}
