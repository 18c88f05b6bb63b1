using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Catwalk.Dashboard.Hosting;

/// <summary>
/// MudBlazor's, Plotly.Blazor's and the dashboard's own files come as static web assets. The build writes their
/// manifests next to Catwalk.Dashboard.dll (and copies them into every program that references it), so they are
/// found whatever the entry program is called — the CLI, or a test host.
/// </summary>
internal static class StaticAssetsExtensions
{
    private static string Manifest(string kind) => Path.Combine(AppContext.BaseDirectory, $"{typeof(StaticAssetsExtensions).Assembly.GetName().Name}.staticwebassets.{kind}.json");

    public static IWebHostBuilder UseDashboardStaticAssets(this IWebHostBuilder builder)
    {
        var runtime = Manifest("runtime");
        if (!File.Exists(runtime)) return builder;
        return builder.UseSetting(WebHostDefaults.StaticWebAssetsKey, runtime).UseStaticWebAssets();
    }

    public static WebApplication MapDashboardStaticAssets(this WebApplication app)
    {
        var endpoints = Manifest("endpoints");
        if (File.Exists(endpoints)) app.MapStaticAssets(endpoints);
        return app;
    }
}
