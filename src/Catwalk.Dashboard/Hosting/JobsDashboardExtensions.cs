using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Dashboard.Hosting;

/// <summary>Hangfire's own dashboard (queues, jobs, retries, servers) under <c>/jobs</c>, in server mode.</summary>
internal static class JobsDashboardExtensions
{
    public const string Path = "/jobs";

    /// <summary>Call after the access rule's middleware: Hangfire's pages and its stats polling then pass the same rule as the rest.</summary>
    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        app.UseHangfireDashboard(Path, new Hangfire.DashboardOptions
        {
            Authorization = [new AccessRuleAuthorizationFilter()],
            DashboardTitle = "Catwalk jobs",
            AppPath = "/",
            // Hangfire would print the storage's connection details in its footer; the dashboard never shows database details.
            DisplayStorageConnectionString = false,
            StatsPollingInterval = 2000,
        }, storage);
        return app;
    }
}
