using Catwalk.Store;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard.Health;

/// <summary>A worker's <c>/healthz</c> and <c>/readyz</c> on a port of their own (<c>catwalk worker --health-port</c>), nothing else.</summary>
public sealed class HealthServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthServer(WebApplication app) => _app = app;

    /// <param name="jobs">Hangfire's storage, checked by /readyz (null: the store alone).</param>
    /// <param name="host">Where to listen: all interfaces by default, as a probe from another machine (a load balancer) must reach it.</param>
    public static async Task<HealthServer> StartAsync(int port, IRunStoreInfo store, JobStorage? jobs, string host = "0.0.0.0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Parse(host), port));
        builder.Services.AddCatwalkHealthChecks(store, jobs);
        var app = builder.Build();
        app.UseCatwalkHealthChecks();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HealthServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
