using Catwalk.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catwalk.Dashboard.Health;

/// <summary>Ready when the run store answers and its schema is the one this build migrates to.</summary>
public sealed class StoreHealthCheck(IRunStoreInfo store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int version;
        try
        {
            version = await store.SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's text is not repeated: a driver's message can name hosts and users. Logs have the details.
            return HealthCheckResult.Unhealthy($"the run store does not answer ({e.GetType().Name})");
        }
        var latest = RunStoreFactory.LatestSchemaVersion;
        return version == latest
            ? HealthCheckResult.Healthy($"schema {version}")
            : HealthCheckResult.Unhealthy(version < latest
                ? $"schema {version}, this build needs {latest}: migrations not applied"
                : $"schema {version} is newer than this build's {latest}: upgrade catwalk");
    }
}
