using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Catwalk.Emulator.Endpoints;

/// <summary>
/// Ends long requests (status streams waiting on a job) as soon as the emulator starts stopping. Without it, Kestrel's
/// graceful stop waits for an open stream until the host's shutdown timeout: disposing took 30 s while a client listened.
/// </summary>
internal sealed class StopEndsRequestsMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext http)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.RequestAborted = linked.Token;
        await next(http);
    }
}
