using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>What a user does with the filters and the export in a browser, and the overview on a phone's screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FiltersExportAndPhoneTests(BrowserFixture browser)
{
    [Fact]
    public async Task Choosing_a_model_in_the_filters_changes_the_numbers()
    {
        await using var page = await browser.OpenAsync("");
        var all = await page.Page.Locator("[data-testid=total-spend]").InnerTextAsync();
        await page.Page.Locator("[data-testid=filters] select[name=model]").SelectOptionAsync("kling");
        await page.Page.Locator("[data-testid=filters] button[type=submit]").ClickAsync();
        await page.WaitForUrlAsync("**model=kling**", 30_000);
        await page.WaitForAsync("[data-interactive=true]");
        (await page.Page.Locator("tr[data-model]").CountAsync()).ShouldBe(1);
        (await page.Page.Locator("tr[data-model=kling]").CountAsync()).ShouldBe(1);
        (await page.Page.Locator("[data-testid=total-spend]").InnerTextAsync()).ShouldNotBe(all);
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task The_csv_export_downloads_one_row_per_stored_job()
    {
        await using var page = await browser.OpenAsync("");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.Locator("[data-testid=filters] a", new() { HasText = "Export CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBe(browser.Dashboard.Jobs.Count + 1); // a header, then every job
        foreach (var job in browser.Dashboard.Jobs) lines.ShouldContain(l => l.Contains(job.Id));
        page.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task On_a_phone_the_overview_fits_the_screen()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BaseURL = browser.Dashboard.Server.BaseUri.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync("");
            await page.WaitForSelectorAsync("[data-interactive=true]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
            (await page.Locator("[data-testid=total-videos]").IsVisibleAsync()).ShouldBeTrue();
            // The page itself never scrolls sideways (a wide table may scroll inside its own box).
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390 + 1);
            errors.ShouldBeEmpty();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
