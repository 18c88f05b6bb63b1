using Microsoft.Playwright;

namespace Catwalk.Packaging.Tests;

/// <summary>A shipped catwalk used as a new user would: a run in one folder, the dashboard over it started from another.</summary>
public static class ShippedRuns
{
    /// <summary>`catwalk run` (emulated: no key) in a folder of its own; returns its outputs folder.</summary>
    public static async Task<string> RunAsync(string catwalk, string folder, IDictionary<string, string> environment)
    {
        var run = await ProcessRun.RunAsync(catwalk, folder, ["run", "--models", "veo3,kling", "--duration", "4"], environment);
        run.ShouldSucceed("catwalk run");
        run.Stdout.ShouldContain("2 of 2 videos saved");
        run.Stdout.ShouldContain("Emulated");
        return Path.Combine(folder, "outputs");
    }

    /// <summary>Makes a store with a run, then serves it from a third folder and checks the dashboard in Chromium.</summary>
    public static async Task ShouldRunAndServeAsync(ShippedBuilds builds, IBrowser browser, string catwalk, IDictionary<string, string> environment)
    {
        var outputs = await RunAsync(catwalk, builds.NewFolder("run"), environment);
        await using var dashboard = await RunningDashboard.StartAsync(catwalk, builds.NewFolder("elsewhere"), outputs, environment);
        await DashboardChecks.ShouldServeTheWholeDashboardAsync(browser, dashboard.BaseUri);
    }

    /// <summary>A fresh home (nothing cached, no tools) and a render cache of the test's own.</summary>
    public static Dictionary<string, string> FreshEnvironment(ShippedBuilds builds)
    {
        var home = builds.NewFolder("home");
        return new() { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache") };
    }
}
