using Catwalk.Dashboard.Data;
using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Catwalk.Dashboard.Hosting;

/// <summary>The dashboard's services: Blazor (interactive server), MudBlazor, and the store it reads.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddCatwalkDashboard(this IServiceCollection services, DashboardOptions options, IRunStore store)
    {
        services.AddSingleton(options).AddSingleton(store).AddSingleton(TimeProvider.System);
        services.AddSingleton<DashboardData>().AddSingleton<PreferenceData>().AddSingleton<MediaFiles>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
