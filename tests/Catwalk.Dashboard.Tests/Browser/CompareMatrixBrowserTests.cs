using Catwalk.Dashboard.Data;
using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>
/// The compare matrix in Chromium over a real emulated 2 image models × 2 video models run: a row's ▶ plays that row's
/// videos together from 0 while the rest stay paused, then a column's ▶ does the same for the column.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CompareMatrixBrowserTests(BrowserFixture browser)
{
    private const string Videos = "[...document.querySelectorAll('[data-testid=compare-grid] video')]";

    [Fact]
    public async Task A_rows_play_and_a_columns_play_each_play_their_videos_together_and_no_others()
    {
        await using var dashboard = await MatrixDashboard.StartAsync();
        await using var page = await browser.OpenAsync(LookMatrix.UrlOf(dashboard.RunId, dashboard.MatrixKey), dashboard.Server.BaseUri);
        await page.WaitForAsync("[data-testid=compare-grid][data-synced=true]");
        (await page.Page.Locator("[data-testid=compare-grid] video").CountAsync()).ShouldBe(4);
        (await page.Page.Locator("[data-testid=compare-row]").CountAsync()).ShouldBe(2);
        await page.Page.WaitForFunctionAsync($"() => {Videos}.every(v => v.readyState >= 1)", null, new() { Timeout = 15_000 });
        // Posters are served: each cell's first frame loads as an image.
        var posters = await page.Page.EvaluateAsync<string[]>($"() => {Videos}.map(v => v.poster)");
        foreach (var poster in posters) (await dashboard.Http.GetAsync(poster)).IsSuccessStatusCode.ShouldBeTrue(poster);

        await page.Page.Locator("[data-testid=play-row]").Nth(1).ClickAsync();
        await PlayingTogetherAsync(page, "v.dataset.row === '1'", "row 1");

        await page.Page.Locator("[data-testid=play-column]").Nth(0).ClickAsync();
        await PlayingTogetherAsync(page, "v.dataset.col === '0'", "column 0");
        (await page.Page.Locator("[data-testid=play-column]").Nth(0).GetAttributeAsync("aria-pressed")).ShouldBe("true");
        (await page.Page.Locator("[data-testid=play-row]").Nth(1).GetAttributeAsync("aria-pressed")).ShouldBe("false");

        // Pressed again, it pauses them together.
        await page.Page.Locator("[data-testid=play-column]").Nth(0).ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => {Videos}.every(v => v.paused)", null, new() { Timeout = 10_000 });
        page.ShouldHaveNoErrors();
    }

    /// <summary>The group's videos play and advance, within a frame or two of each other; every other video is paused.</summary>
    private static async Task PlayingTogetherAsync(BrowserPage page, string inGroup, string what)
    {
        try
        {
            await page.Page.WaitForFunctionAsync($"() => {Videos}.filter(v => {inGroup}).every(v => !v.paused && v.currentTime > 0.5)", null, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not play: {await StateAsync(page)}; {string.Join(" | ", page.Errors)}");
        }
        var state = await page.Page.EvaluateAsync<double[][]>($"() => {Videos}.map(v => [({inGroup}) ? 1 : 0, v.paused ? 1 : 0, v.currentTime])");
        var group = state.Where(s => s[0] == 1).ToList();
        group.Count.ShouldBe(2, what);
        (group.Max(s => s[2]) - group.Min(s => s[2])).ShouldBeLessThan(0.3, $"{what}: {await StateAsync(page)}");
        var others = state.Where(s => s[0] == 0).ToList();
        others.Count.ShouldBe(2, what);
        others.ShouldAllBe(s => s[1] == 1, $"{what}: the other videos stay paused ({await StateAsync(page)})");
        // Still advancing a moment later: playing, not a single step.
        var before = group.Min(s => s[2]);
        await page.Page.WaitForFunctionAsync($"(t) => {Videos}.filter(v => {inGroup}).every(v => v.currentTime > t + 0.3)", before, new() { Timeout = 10_000 });
    }

    private static Task<string> StateAsync(BrowserPage page) =>
        page.Page.EvaluateAsync<string>($"() => JSON.stringify({Videos}.map(v => ({{ row: v.dataset.row, col: v.dataset.col, t: v.currentTime, paused: v.paused, ready: v.readyState, error: v.error?.code }})))");
}
