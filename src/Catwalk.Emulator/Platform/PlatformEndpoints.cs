using Catwalk.Emulator.Endpoints;
using Catwalk.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// fal's Platform APIs (base <c>https://api.fal.ai/v1</c>) over what the emulator knows: its catalog, the requests it
/// served and what they cost by the catalog's price rules. Each call checks its key scope and may be hit by a fault
/// (stage <c>platform</c>), answered with the Platform error body.
/// </summary>
internal static class PlatformEndpoints
{
    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app, EmulatorContext context)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/models", Handler(http => Guarded(http, context, PlatformScope.Public, () => ModelsEndpoint.List(http, context))));
        v1.MapGet("/models/pricing", Handler(http => Guarded(http, context, PlatformScope.Api, () => PricingEndpoints.Prices(http, context))));
        v1.MapPost("/models/pricing/estimate", Handler(http => Guarded(http, context, PlatformScope.Api, () => PricingEndpoints.EstimateAsync(http, context))));
        v1.MapGet("/models/usage", Handler(http => Guarded(http, context, PlatformScope.Admin, () => UsageEndpoint.Usage(http, context))));
        v1.MapGet("/models/billing-events", Handler(http => Guarded(http, context, PlatformScope.Admin, () => BillingEventsEndpoint.List(http, context))));
        v1.MapGet("/models/requests/by-endpoint", Handler(http => Guarded(http, context, PlatformScope.Api, () => RequestsEndpoint.List(http, context))));
        return app;
    }

    /// <summary>A route handler (a Delegate, so the returned IResult is written), not a bare RequestDelegate.</summary>
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handle) => handle;

    private static Task<IResult> Guarded(HttpContext http, EmulatorContext context, PlatformScope scope, Func<IResult> handle) =>
        Guarded(http, context, scope, () => Task.FromResult(handle()));

    private static async Task<IResult> Guarded(HttpContext http, EmulatorContext context, PlatformScope scope, Func<Task<IResult>> handle)
    {
        context.Stats.PlatformCall();
        switch (context.Faults.Roll(FaultStage.Platform, null))
        {
            case { Kind: FaultKind.RateLimited } rule:
                http.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return PlatformError.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Rate limit exceeded");
            case { Kind: FaultKind.ServerError or FaultKind.BadGateway or FaultKind.Unavailable }:
                return PlatformError.Of(StatusCodes.Status500InternalServerError, "server_error", "An unexpected error occurred");
            case { Kind: FaultKind.Reset }:
                http.Abort();
                return Results.Empty;
            case { Kind: FaultKind.Slow } slow:
                await Task.Delay(slow.DelayMilliseconds, http.RequestAborted);
                break;
        }
        return PlatformAuth.Check(http, context, scope) ?? await handle();
    }
}
