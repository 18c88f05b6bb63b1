using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catwalk.Dashboard.Health;

/// <summary>Ready when Hangfire's storage (the job queue in the shared database) answers a read.</summary>
public sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's storage API is synchronous: off the request thread, and abandoned when the check times out.
            var servers = await Task.Run(() => storage.GetMonitoringApi().Servers().Count, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{servers} Hangfire server(s)");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Hangfire's storage does not answer ({e.GetType().Name})");
        }
    }
}
