using Catwalk.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// OpenTelemetry for the CLI, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and configured by the
/// other standard <c>OTEL_*</c> variables: protocol, headers, service name). Unset, nothing is registered, so no span
/// is ever created and nothing is exported.
/// </summary>
internal static class CatwalkOpenTelemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static bool Enabled => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable));

    /// <summary>
    /// Catwalk's spans and metrics with HTTP client instrumentation (fal calls), exported over OTLP; with
    /// <paramref name="web"/>, ASP.NET Core's request spans and metrics too, through the same exporter.
    /// </summary>
    public static IServiceCollection AddCatwalkOpenTelemetry(this IServiceCollection services, bool web = false)
    {
        if (!Enabled) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(Resource)
            .WithTracing(t =>
            {
                t.AddSource(CatwalkTelemetry.Name).AddHttpClientInstrumentation();
                if (web) t.AddAspNetCoreInstrumentation();
                t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(CatwalkTelemetry.Name).AddHttpClientInstrumentation();
                if (web) m.AddAspNetCoreInstrumentation();
                m.AddOtlpExporter();
            });
        return services;
    }

    /// <summary>
    /// For a dashboard without Catwalk's services (its launch page off): ASP.NET Core's request spans and metrics only.
    /// </summary>
    public static void AddWebOpenTelemetry(IServiceCollection services)
    {
        if (!Enabled) return;
        services.AddOpenTelemetry()
            .ConfigureResource(Resource)
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddOtlpExporter());
    }

    private static void Resource(ResourceBuilder resource) =>
        resource.AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name : "catwalk", serviceVersion: typeof(CatwalkOpenTelemetry).Assembly.GetName().Version?.ToString(3), autoGenerateServiceInstanceId: true);
}
