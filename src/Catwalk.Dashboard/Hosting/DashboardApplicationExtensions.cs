using Catwalk.Dashboard.Api;
using Catwalk.Dashboard.Components;
using Catwalk.Dashboard.Endpoints;
using Catwalk.Dashboard.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Dashboard.Hosting;

/// <summary>
/// The dashboard's pipeline: token check (if any), then — in server mode — Hangfire's dashboard and the API, then
/// static assets, media (and its frame thumbnails) and export endpoints, the Blazor app. The token check comes first so it guards all of them.
/// </summary>
public static class DashboardApplicationExtensions
{
    public static WebApplication UseCatwalkDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DashboardOptions>();
        app.UseCatwalkHealthChecks(); // before the token: a load balancer's probe has none, and the answers hold no data
        if (!string.IsNullOrWhiteSpace(options.AccessToken)) app.UseMiddleware<AccessTokenMiddleware>(options.AccessToken);
        if (options.ClusterStorage is not null) app.UseJobsDashboard();
        app.UseAntiforgery();
        app.MapDashboardStaticAssets();
        app.MapMedia();
        app.MapFrames();
        app.MapPosters();
        app.MapExports();
        if (options.ClusterStorage is not null) app.MapCatwalkApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
