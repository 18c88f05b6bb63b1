using Catwalk.Dashboard.Tests.Support;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>
/// Every page, with data in the store, in light and in dark mode, checked by axe-core in Chromium after the circuit is
/// live: no serious or critical violation. A failure lists each violation's rule, element and axe's advice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, A11yFixture data) : IClassFixture<A11yFixture>
{
    public static TheoryData<string, bool> Pages()
    {
        var pages = new TheoryData<string, bool>();
        foreach (var page in new[] { "overview", "charts", "generations", "generation", "compare", "compare-look", "vote", "leaderboard", "runs", "run", "launch" })
            foreach (var dark in new[] { false, true })
                pages.Add(page, dark);
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_or_critical_axe_violation(string page, bool dark)
    {
        var path = page switch
        {
            "overview" => "",
            "generation" => $"generations/{data.Dashboard.Job("model-a").Id}",
            "compare-look" => $"compare/{VoteDashboard.RunId}/{Uri.EscapeDataString("urban@2s")}",
            "run" => $"runs/{VoteDashboard.RunId}",
            _ => page,
        };
        await CheckAsync(data.Dashboard.Server.BaseUri, path, dark);
    }

    [PostgresFact]
    public async Task The_workers_page_has_no_serious_or_critical_axe_violation_in_either_theme()
    {
        await using var server = await ServerDashboard.StartAsync();
        await CheckAsync(server.Server.BaseUri, "workers", dark: false);
        await CheckAsync(server.Server.BaseUri, "workers", dark: true);
    }

    private async Task CheckAsync(Uri baseUri, string path, bool dark)
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUri.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        await ThemeCookie.SetAsync(context, baseUri, dark);
        var page = new BrowserPage(await context.NewPageAsync());
        var response = await page.Page.GotoAsync(path);
        response!.Ok.ShouldBeTrue($"GET /{path}: {response.Status}");
        await page.WaitForAsync("[data-interactive=true]");
        await page.WaitForAsync($"[data-testid=theme-toggle][data-theme={(dark ? "dark" : "light")}]");
        // Plotly draws after the circuit connects: check the drawn charts, not their empty boxes.
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))", null, new() { Timeout = 15_000 });
        var violations = await Axe.SeriousViolationsAsync(page.Page);
        violations.ShouldBeEmpty($"/{path} in {(dark ? "dark" : "light")} mode:\n{Axe.Describe(violations)}");
    }
}
