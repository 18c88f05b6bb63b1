using Catwalk.Dashboard.Health;
using Catwalk.Store;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Dashboard.Tests.Health;

/// <summary>
/// The health endpoints (<c>/healthz</c>, <c>/readyz</c>) and checks every host registers, on a bare host of their own: what a
/// worker's <c>--health-port</c> and the dashboard answer, tested without either around them.
/// </summary>
internal sealed class HealthTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthTestServer(WebApplication app) => _app = app;

    /// <param name="jobs">Hangfire's storage, checked by /readyz (null: the store alone).</param>
    public static async Task<HealthTestServer> StartAsync(int port, IRunStoreInfo store, JobStorage? jobs, string host = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Parse(host), port));
        builder.Services.AddCatwalkHealthChecks(store, jobs);
        var app = builder.Build();
        app.UseCatwalkHealthChecks();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HealthTestServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
