namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A host that also answers <c>/healthz</c> and <c>/readyz</c> on all interfaces at <paramref name="Port"/> (a worker's
/// <c>--health-port</c>); /readyz checks the store and the Hangfire storage registered in the host's services.
/// </summary>
internal sealed record HealthEndpoint(int Port);
