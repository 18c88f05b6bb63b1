using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Emulator.Endpoints;

/// <summary><c>GET /_emulator/stats</c>: what was served, for tests and benchmarks.</summary>
internal static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app, EmulatorContext context)
    {
        app.MapGet("/_emulator/stats", () => TypedResults.Ok(context.Stats.Snapshot()));
        return app;
    }
}
