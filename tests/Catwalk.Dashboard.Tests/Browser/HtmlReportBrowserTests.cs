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
        await using (var charts = await browser.OpenAsync("charts"))
        {
            var download = await charts.Page.RunAndWaitForDownloadAsync(() => charts.Page.Locator("[data-testid=download-report]").ClickAsync());
            saved = Path.Combine(browser.Dashboard.OutputRoot, "shared", "report.html");
            await download.SaveAsAsync(saved);
            charts.ShouldHaveNoErrors();
        }

        await using var opened = await OfflineAsync(saved);
        var page = opened.Page;
        foreach (var id in new[] { "chart-cost", "chart-latency" }) await ShouldBeAChartAsync(page.Page, id);
        // The seeded runs have neither measured videos nor votes: the quality charts say what they need instead.
        (await page.Page.Locator("svg#chart-pareto").CountAsync()).ShouldBe(0);
        (await page.Page.Locator("#charts").InnerTextAsync()).ShouldContain("catwalk metrics --all");
        await ShouldShowDecodedImagesAsync(page.Page, atLeast: 5); // the image model's picture, veo3's and kling's poster and strip
        (await page.Page.Locator("article.frames[data-model=pika]").CountAsync()).ShouldBe(0, "a stored path that leaves the output folder is never read");
        (await page.Page.Locator("#recommendation .verdicts li").First.InnerTextAsync()).ShouldContain(": best overall");
        (await page.Page.Locator("script").CountAsync()).ShouldBe(0);
        opened.Attempted.ShouldBeEmpty();
        page.ShouldHaveNoErrors(); // a load the page's CSP blocked would be a console error too
    }

    [Fact]
    public async Task With_votes_and_measured_videos_every_chart_shows_one_colour_per_model_and_each_setting_gets_an_answer()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await dashboard.ScriptedVotesAsync();
        var path = Path.Combine(browser.Dashboard.OutputRoot, "shared", $"votes-{Guid.NewGuid():N}.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await dashboard.Http.GetByteArrayAsync("export/report.html"));

        await using var opened = await OfflineAsync(path);
        var page = opened.Page.Page;
        foreach (var id in new[] { "chart-cost", "chart-latency", "chart-quality", "chart-preference", "chart-pareto" }) await ShouldBeAChartAsync(page, id);
        foreach (var model in VoteDashboard.Models)
        {
            var fills = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('svg.chart [data-model={model}]')].map(e => e.getAttribute('fill'))");
            fills.Length.ShouldBe(5, model);
            fills.Distinct().ShouldHaveSingleItem(model);
        }
        (await page.Locator("svg#chart-pareto path.frontier").CountAsync()).ShouldBe(1); // each model here buys quality with cost: all three are on it
        (await page.Locator("article.scope h3").AllInnerTextsAsync()).ShouldBe(["Video models", "Video models, setting 'beach'", "Video models, setting 'urban'", "Video models, apparel 'street wear'", "Video models, apparel 'swimwear'"]);
        (await page.Locator("#rec-video-models tr[data-model]").First.GetAttributeAsync("data-model")).ShouldBe("model-a"); // preferred, best quality
        await ShouldShowDecodedImagesAsync(page, atLeast: 12);
        opened.Attempted.ShouldBeEmpty();
        opened.Page.ShouldHaveNoErrors();
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

    private static async Task ShouldBeAChartAsync(IPage page, string id)
    {
        var chart = page.Locator($"svg#{id}");
        (await chart.CountAsync()).ShouldBe(1, id);
        (await chart.GetAttributeAsync("role")).ShouldBe("img");
        (await chart.GetAttributeAsync("aria-labelledby")).ShouldBe($"{id}-title {id}-desc");
        (await chart.Locator("title").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await chart.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(100);
        (await chart.Locator("[data-model]").CountAsync()).ShouldBeGreaterThan(0);
        // Its text alternative: the table beside it has a row per model drawn.
        (await page.Locator($".chart-row:has(svg#{id}) table tbody tr").CountAsync()).ShouldBe(await chart.Locator("[data-model]").CountAsync());
    }

    private static async Task ShouldShowDecodedImagesAsync(IPage page, int atLeast)
    {
        var widths = await page.EvaluateAsync<int[]>("async () => { const all = [...document.images]; await Promise.all(all.map(i => i.decode())); return all.map(i => i.naturalWidth); }");
        widths.Length.ShouldBeGreaterThanOrEqualTo(atLeast);
        widths.ShouldAllBe(w => w > 0);
    }

    /// <summary>A page in a context with the network off, on which every request that is not for a file:// URL is aborted and recorded.</summary>
    private async Task<OfflinePage> OfflineAsync(string path)
    {
        var context = await browser.Browser.NewContextAsync(new() { Offline = true });
        var attempted = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) { await route.ContinueAsync(); return; }
            lock (attempted) attempted.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var page = new BrowserPage(await context.NewPageAsync());
        await page.Page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForAsync("#frames");
        return new OfflinePage(context, page, attempted);
    }

    private sealed record OfflinePage(IBrowserContext Context, BrowserPage Page, List<string> Attempted) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
