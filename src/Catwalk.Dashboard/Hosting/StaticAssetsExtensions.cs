using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Catwalk.Dashboard.Hosting;

/// <summary>
/// MudBlazor's, Plotly.Blazor's, Blazor's own script and the dashboard's files are static web assets of the program
/// that hosts the dashboard (the CLI on the Web SDK, or a test project on it). Its build writes
/// <c>&lt;program&gt;.staticwebassets.runtime.json</c> (files where they lie: the source tree, the NuGet cache) and
/// <c>…endpoints.json</c> beside it; its publish copies the files into <c>wwwroot</c> and writes only the endpoints
/// manifest, so a published build needs neither the source tree nor the NuGet cache. The dashboard's own files are
/// under <c>_content/Catwalk.Dashboard/</c>, as any Razor library's.
/// </summary>
internal static class StaticAssetsExtensions
{
    private static string Manifest(string owner, string kind) => Path.Combine(AppContext.BaseDirectory, $"{owner}.staticwebassets.{kind}.json");

    /// <summary>Whose manifests to use: the named program's, else the entry program's. Without them the pages would come unstyled and dead, so that is refused.</summary>
    public static string ManifestOwner(string? applicationName)
    {
        var owner = applicationName ?? Assembly.GetEntryAssembly()?.GetName().Name ?? "";
        if (File.Exists(Manifest(owner, "endpoints"))) return owner;
        throw new InvalidOperationException(
            $"The dashboard's styles and scripts are static web assets of the program hosting it, but {Manifest(owner, "endpoints")} is missing: "
            + "host it from a project on Microsoft.NET.Sdk.Web with <RequiresAspNetWebAssets>true</RequiresAspNetWebAssets> (as src/Catwalk.Cli), or name that program in DashboardOptions.ApplicationName.");
    }

    /// <summary>A build (not a publish) finds the files through the runtime manifest; a publish has them in wwwroot.</summary>
    public static IWebHostBuilder UseDashboardStaticAssets(this IWebHostBuilder builder, string owner)
    {
        var runtime = Manifest(owner, "runtime");
        if (!File.Exists(runtime)) return builder;
        return builder.UseSetting(WebHostDefaults.StaticWebAssetsKey, runtime).UseStaticWebAssets();
    }

    public static WebApplication MapDashboardStaticAssets(this WebApplication app)
    {
        var endpoints = Manifest(app.Environment.ApplicationName, "endpoints");
        if (File.Exists(endpoints)) app.MapStaticAssets(endpoints);
        return app;
    }
}
