using Catwalk.Dashboard;

namespace Catwalk.Dashboard.Tests;

/// <summary>The UI reaches the workers' queue through Catwalk.Runs.Queue's interfaces, not through the workers' engine.</summary>
public sealed class DashboardDependencyTests
{
    [Fact]
    public void The_dashboard_references_neither_the_workers_nor_Hangfire_PostgreSql()
    {
        var names = typeof(DashboardServer).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        names.ShouldNotContain("Catwalk.Workers");
        names.ShouldNotContain("Hangfire.PostgreSql");
    }
}
