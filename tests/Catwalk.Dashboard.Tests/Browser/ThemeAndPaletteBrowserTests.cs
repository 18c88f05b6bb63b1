using System.Text.RegularExpressions;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Runs.Sharing;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>Dark mode remembered across reloads and drawn from the first paint; each model's colour the same on every chart; the overview fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeAndPaletteBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_theme_toggle_is_remembered_and_the_next_page_arrives_dark_before_its_circuit_connects()
    {
        var baseUri = browser.Dashboard.Server.BaseUri;
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUri.ToString() });
        var page = new BrowserPage(await context.NewPageAsync());
        await page.Page.GotoAsync("");
        await page.WaitForAsync("[data-interactive=true]");
        (await Background(page)).ShouldBe("rgb(246, 246, 249)"); // the light theme's background
        await page.Page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await page.WaitForAsync("[data-testid=theme-toggle][data-theme=dark]");
        (await Background(page)).ShouldBe("rgb(18, 19, 24)");
        (await context.CookiesAsync()).ShouldContain(c => c.Name == Catwalk.Dashboard.Theme.DashboardTheme.Cookie && c.Value == "dark");

        // The server reads the cookie: the page as sent, before any script runs, is already dark.
        var sent = await context.APIRequest.GetAsync("charts");
        var html = await sent.TextAsync();
        html.ShouldContain("<html lang=\"en\" data-theme=\"dark\">");
        Regex.IsMatch(html, @"--mud-palette-background:\s*(#121318|rgba\(18,\s*19,\s*24,\s*1\))").ShouldBeTrue("the dark background is in the page's own style");
        await page.Page.ReloadAsync();
        await page.WaitForAsync("[data-interactive=true]");
        await page.WaitForAsync("[data-testid=theme-toggle][data-theme=dark]");
        (await Background(page)).ShouldBe("rgb(18, 19, 24)");
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task A_model_has_the_same_colour_on_the_overview_the_charts_and_in_its_swatches()
    {
        var expected = ModelPalette.Default.Of("kling");
        await using var overview = await browser.OpenAsync("");
        (await overview.Page.Locator("#chart-latency rect[data-model=kling]").GetAttributeAsync("fill")).ShouldBe(expected);
        var swatch = await overview.Page.Locator("tr[data-model=kling] .swatch").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        swatch.ShouldBe(Rgb(expected));

        await using var charts = await browser.OpenAsync("charts");
        await charts.Page.WaitForFunctionAsync("() => document.getElementById('chart-avg-latency')?.data?.length > 0", null, new() { Timeout = 15_000 });
        (await charts.Page.EvaluateAsync<string>("() => { const t = document.getElementById('chart-avg-latency').data[0]; return t.marker.color[t.x.indexOf('kling')]; }")).ShouldBe(expected);
        (await charts.Page.EvaluateAsync<string>("() => document.getElementById('chart-latency-box').data.find(t => t.name === 'kling').marker.color")).ShouldBe(expected);
        overview.ShouldHaveNoErrors();
        charts.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_overview_fits_a_phone_without_scrolling_sideways()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.Dashboard.Server.BaseUri.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = new BrowserPage(await context.NewPageAsync());
        await page.Page.GotoAsync("");
        await page.WaitForAsync("[data-interactive=true]");
        var sizes = await page.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        sizes[0].ShouldBeLessThanOrEqualTo(sizes[1], "the page is no wider than the phone");
        // The charts shrink to the column instead of keeping their drawn 640 px.
        (await page.Page.Locator("#chart-latency").EvaluateAsync<double>("e => e.getBoundingClientRect().width")).ShouldBeLessThan(390);
        page.ShouldHaveNoErrors();
    }

    private static Task<string> Background(BrowserPage page) => page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static string Rgb(string hex) =>
        $"rgb({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)})";
}
