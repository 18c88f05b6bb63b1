using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Launch;
using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Catwalk.Dashboard.Health;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Catwalk.Dashboard.Hosting;

/// <summary>The dashboard's services: Blazor (interactive server), MudBlazor, and the store it reads.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddCatwalkDashboard(this IServiceCollection services, DashboardOptions options, IRunStore store)
    {
        services.AddSingleton(options).AddRunStore(store).AddSingleton(TimeProvider.System);
        services.AddSingleton<DashboardData>().AddSingleton<PreferenceData>().AddSingleton<OverviewData>().AddSingleton<MediaFiles>().AddSingleton<FrameImages>().AddSingleton<PosterImages>();
        if (options.Launcher is { } launcher) services.AddSingleton(launcher);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        if (options.ClusterStorage is { } storage) services.AddCatwalkCluster(options, storage);
        services.AddCatwalkHealthChecks(store, options.ClusterStorage);
        options.ConfigureServices?.Invoke(services);
        return services;
    }

    /// <summary>Server mode: the cluster's view (workers page, <c>/api/cluster</c>), the enqueuing launcher, and Hangfire's dashboard.</summary>
    private static void AddCatwalkCluster(this IServiceCollection services, DashboardOptions options, JobStorage storage)
    {
        if (options.Launcher is not null and not QueueRunLauncher)
            throw new ArgumentException("A dashboard with a cluster enqueues its runs for workers: its launcher must be a QueueRunLauncher.", nameof(options));
        // The launcher given, or the one the host registered in its own services (checked when first asked for).
        services.AddSingleton(sp => sp.GetService<IRunLauncher>() as QueueRunLauncher
            ?? throw new InvalidOperationException("A dashboard with a cluster enqueues its runs for workers: its launcher must be a QueueRunLauncher."));
        services.AddSingleton(storage);
        // The workers' view: the one given, else the host's own (AddCatwalkQueue registers it beside the queue).
        if (options.ClusterMonitor is { } monitor) services.AddSingleton(monitor);
        // What UseHangfireDashboard needs: its routes, and IGlobalConfiguration, the marker it checks for. Not through
        // AddHangfire: that also points Hangfire's process-wide log provider and job activator at this web app's services,
        // which die with the dashboard while the process (tests, a worker in the same process) goes on using Hangfire.
        services.AddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
        services.AddSingleton(Hangfire.Dashboard.DashboardRoutes.Routes);
    }
}
