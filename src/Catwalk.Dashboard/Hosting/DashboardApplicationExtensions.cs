using Catwalk.Dashboard.Components;
using Catwalk.Dashboard.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Dashboard.Hosting;

/// <summary>The dashboard's pipeline: token check (if any), static assets, media and export endpoints, the Blazor app.</summary>
public static class DashboardApplicationExtensions
{
    public static WebApplication UseCatwalkDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DashboardOptions>();
        if (!string.IsNullOrWhiteSpace(options.AccessToken)) app.UseMiddleware<AccessTokenMiddleware>(options.AccessToken);
        app.UseAntiforgery();
        app.MapDashboardStaticAssets();
        app.MapMedia();
        app.MapExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
