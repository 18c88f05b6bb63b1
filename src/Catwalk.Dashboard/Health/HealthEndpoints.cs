using System.Text.Json;
using Catwalk.Store;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catwalk.Dashboard.Health;

/// <summary>
/// <c>/healthz</c>: the process is up (no check runs). <c>/readyz</c>: the run store answers with the current schema and
/// Hangfire's storage answers; 503 otherwise. Both answer JSON with each check's status and a short reason — never
/// an exception message, a connection string or a key.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";
    private const string ReadyTag = "ready";

    /// <summary>The readiness checks: the store (given) and, when the services hold one, Hangfire's storage.</summary>
    public static IServiceCollection AddCatwalkHealthChecks(this IServiceCollection services, IRunStoreInfo store, JobStorage? jobs)
    {
        var checks = services.AddHealthChecks()
            .AddCheck("store", new StoreHealthCheck(store), tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        if (jobs is not null) checks.AddCheck("hangfire", new HangfireHealthCheck(jobs), tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>
    /// As above, with Hangfire's storage taken from the host's services when /readyz first runs: a host that builds it
    /// from options validated at start (a worker's takeover time) registers it there instead of creating it first.
    /// </summary>
    public static IServiceCollection AddCatwalkHealthChecks(this IServiceCollection services, IRunStore store, Func<IServiceProvider, JobStorage> jobs)
    {
        services.AddHealthChecks()
            .AddCheck("store", new StoreHealthCheck(store), tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .Add(new HealthCheckRegistration("hangfire", sp => new HangfireHealthCheck(jobs(sp)), failureStatus: null, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5)));
        return services;
    }

    /// <summary>As middleware, so it answers before any access-token check: a load balancer has no token.</summary>
    public static IApplicationBuilder UseCatwalkHealthChecks(this IApplicationBuilder app) => app
        .UseHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
        .UseHealthChecks(Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString().ToLowerInvariant(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string?>
            {
                ["status"] = e.Value.Status.ToString().ToLowerInvariant(),
                ["description"] = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
