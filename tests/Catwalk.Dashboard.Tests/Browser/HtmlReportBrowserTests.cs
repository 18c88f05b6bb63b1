using Catwalk.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>
/// The shareable report: downloaded with the Charts page's button, then opened in real Chromium from a file:// URL with
/// the network off and every non-file request blocked (and recorded); its SVG charts and its frames must show.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_downloaded_report_reads_offline_with_its_charts_and_frames()
    {
        string saved;
        await using (var page = await browser.OpenAsync("charts"))
        {
            var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator("[data-testid=download-report]").ClickAsync());
            saved = Path.Combine(browser.Dashboard.OutputRoot, "shared", "report.html");
            await download.SaveAsAsync(saved);
            page.ShouldHaveNoErrors();
        }

        var context = await browser.Browser.NewContextAsync(new() { Offline = true });
        var attempted = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) { await route.ContinueAsync(); return; }
            lock (attempted) attempted.Add(route.Request.Url);
            await route.AbortAsync();
        });
        try
        {
            var watched = new BrowserPage(await context.NewPageAsync());
            await watched.Page.GotoAsync(new Uri(saved).AbsoluteUri);
            await watched.WaitForAsync("#frames");

            var charts = watched.Page.Locator("svg.chart");
            (await charts.CountAsync()).ShouldBeGreaterThanOrEqualTo(3); // cost, latency, quality-vs-cost at least
            foreach (var id in new[] { "chart-cost", "chart-latency", "chart-pareto" })
            {
                var chart = watched.Page.Locator($"svg#{id}");
                (await chart.GetAttributeAsync("role")).ShouldBe("img");
                (await chart.GetAttributeAsync("aria-labelledby")).ShouldNotBeNullOrEmpty();
                (await chart.Locator("title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
                (await chart.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(100);
                (await chart.Locator("[data-model]").CountAsync()).ShouldBeGreaterThan(0);
            }
            // The same colour for a model in every chart.
            var colours = await watched.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('svg.chart [data-model=kling]')].map(e => e.getAttribute('fill'))");
            colours.Length.ShouldBeGreaterThanOrEqualTo(3);
            colours.Distinct().ShouldHaveSingleItem();

            var images = watched.Page.Locator("img");
            (await images.CountAsync()).ShouldBeGreaterThanOrEqualTo(5); // the image model's picture, veo3's and kling's poster and strip
            var widths = await watched.Page.EvaluateAsync<int[]>("async () => { const all = [...document.images]; await Promise.all(all.map(i => i.decode())); return all.map(i => i.naturalWidth); }");
            widths.ShouldAllBe(w => w > 0);
            (await watched.Page.Locator("article.frames[data-model=pika]").CountAsync()).ShouldBe(0, "a stored path that leaves the output folder is never read");
            (await watched.Page.Locator("#recommendation .verdicts li").First.InnerTextAsync()).ShouldContain(": best overall");
            (await watched.Page.Locator("script").CountAsync()).ShouldBe(0);

            attempted.ShouldBeEmpty();
            watched.ShouldHaveNoErrors(); // a blocked load (the page's CSP) would be a console error too
        }
        finally { await context.CloseAsync(); }
    }

    [Fact]
    public async Task The_report_follows_a_dark_colour_scheme()
    {
        var path = Path.Combine(browser.Dashboard.OutputRoot, "shared", "dark.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await browser.Dashboard.Http.GetByteArrayAsync("export/report.html"));
        async Task<string> BackgroundAsync(ColorScheme scheme)
        {
            var context = await browser.Browser.NewContextAsync(new() { Offline = true, ColorScheme = scheme });
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(path).AbsoluteUri);
                return await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            }
            finally { await context.CloseAsync(); }
        }
        (await BackgroundAsync(ColorScheme.Light)).ShouldBe("rgb(255, 255, 255)");
        (await BackgroundAsync(ColorScheme.Dark)).ShouldBe("rgb(19, 19, 22)");
    }

    [Fact]
    public async Task One_run_or_a_missing_one()
    {
        var one = await browser.Dashboard.Http.GetAsync($"export/report.html?run={SeededDashboard.RunId}");
        one.IsSuccessStatusCode.ShouldBeTrue();
        one.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await one.Content.ReadAsStringAsync();
        html.ShouldContain("report of 1 run(s)");
        html.ShouldNotContain("<script");
        (await browser.Dashboard.Http.GetAsync("export/report.html?run=no-such-run")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
