using Microsoft.Playwright;

namespace Catwalk.Packaging.Tests;

/// <summary>What a user must see in a shipped build's dashboard, in a real browser.</summary>
public static class DashboardChecks
{
    /// <summary>
    /// MudBlazor's stylesheet applied (a computed style, not just a 200), Plotly traces drawn on /charts, a video playing on
    /// a compare page, live (Blazor's circuit connected on every page), and no console error or failed load anywhere.
    /// </summary>
    public static async Task ShouldServeTheWholeDashboardAsync(IBrowser browser, Uri baseUri)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = baseUri.ToString() });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (problems) problems.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (problems) problems.Add($"page error: {error}"); };
        page.RequestFailed += (_, request) => { lock (problems) problems.Add($"failed: {request.Url}"); };
        page.Response += (_, response) => { if (response.Status >= 400) lock (problems) problems.Add($"{response.Status}: {response.Url}"); };
        try
        {
            await OpenInteractiveAsync(page, "", problems);
            // Unstyled, MudBlazor's app bar is a static <header>; its stylesheet fixes it to the top.
            (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-appbar')).position")).ShouldBe("fixed");

            await OpenInteractiveAsync(page, "charts", problems);
            await page.WaitForFunctionAsync("() => document.getElementById('chart-avg-latency')?.data?.length > 0 && document.querySelectorAll('.js-plotly-plot .trace').length > 0",
                null, new() { Timeout = 30_000 });

            await OpenInteractiveAsync(page, "compare", problems);
            var compare = await page.Locator("[data-testid=compare-groups] a").First.GetAttributeAsync("href");
            await OpenInteractiveAsync(page, compare ?? throw new InvalidOperationException("no compare group listed"), problems);
            await page.EvaluateAsync("async () => { const v = document.querySelector('[data-testid=compare-grid] video'); v.muted = true; await v.play(); }");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=compare-grid] video')].some(v => !v.paused && v.currentTime > 0.3)",
                null, new() { Timeout = 30_000 });

            await page.WaitForTimeoutAsync(500); // a late error surfaces
            lock (problems) problems.ShouldBeEmpty();
        }
        finally { await page.CloseAsync(); }
    }

    private static async Task OpenInteractiveAsync(IPage page, string path, List<string> problems)
    {
        var response = await page.GotoAsync(path);
        if (response is null || !response.Ok) throw new InvalidOperationException($"GET {path}: {response?.Status}");
        // The pages are prerendered; this mark appears only once Blazor's circuit is live (blazor.web.js loaded and connected).
        try { await page.Locator("[data-interactive=true]").First.WaitForAsync(new() { Timeout = 30_000 }); }
        catch (TimeoutException e)
        {
            lock (problems) throw new TimeoutException($"{path} never became interactive: {string.Join(" | ", problems)}", e);
        }
    }
}
