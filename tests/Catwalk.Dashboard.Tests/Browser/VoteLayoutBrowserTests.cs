using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>The vote page as a user sees it: everything on one screen, the next pair loading before the vote, progress.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VoteLayoutBrowserTests(BrowserFixture browser)
{
    private const string Settled = "[data-testid=vote-grid][data-revealed=false][data-synced=true]";

    [Theory]
    [InlineData(1280, 720, false)]
    [InlineData(390, 844, true)]
    public async Task Both_videos_and_every_vote_button_fit_the_window_without_scrolling(int width, int height, bool phone)
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, BaseURL = dashboard.Server.BaseUri.ToString(),
        });
        try
        {
            var page = new BrowserPage(await context.NewPageAsync());
            await page.Page.GotoAsync("vote?reveal=0");
            await page.WaitForAsync("[data-interactive=true]");
            await page.WaitForAsync(Settled);

            await VoteScreen.ShouldFitAsync(page, width, height, phone, "video");
            page.ShouldHaveNoErrors();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_key_vote_shows_the_preloaded_pair_with_its_posters_and_moves_the_progress_line()
    {
        await using var dashboard = await VoteDashboard.StartAsync();
        await using var page = await browser.OpenAsync("vote?reveal=0", dashboard.Server.BaseUri);
        await page.WaitForAsync(Settled);
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.voteKeys === 'true'");
        (await page.Page.InnerTextAsync("[data-testid=store-votes]")).ShouldBe("0");
        (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("15"); // 3 model pairs × 5
        (await page.Page.GetAttributeAsync("[data-testid=vote-progress]", "title")).ShouldNotBeNullOrWhiteSpace();
        await PostersAsync(page, dashboard);

        // The next pair is in the page before the vote, and its videos are loading already.
        var preloaded = await page.Page.Locator("[data-testid=vote-preload] video").EvaluateAllAsync<string[]>("vs => vs.map(v => v.getAttribute('src'))");
        preloaded.Length.ShouldBe(2);
        (await page.Page.Locator("[data-testid=vote-preload] video").EvaluateAllAsync<string[]>("vs => vs.map(v => v.preload)")).ShouldAllBe(p => p == "auto");
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=vote-preload] video')].every(v => v.readyState >= 1)", null, new() { Timeout = 10_000 });
        var before = await page.Page.InnerTextAsync("[data-testid=vote-progress]");

        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=vote-count]')?.innerText === '1'");
        await page.WaitForAsync(Settled);
        var shown = await page.Page.Locator("[data-testid=vote-grid] video").EvaluateAllAsync<string[]>("vs => vs.map(v => v.getAttribute('src'))");
        shown.ShouldBe(preloaded); // one voter: the preloaded pair is still the least compared, so it is the one shown
        // Its data came from the cache: metadata at once (the bound only decides when to give up on a loaded machine).
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=vote-grid] video')].every(v => v.readyState >= 1)", null, new() { Timeout = 3_000 });
        await PostersAsync(page, dashboard);

        (await page.Page.InnerTextAsync("[data-testid=store-votes]")).ShouldBe("1");
        (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("14");
        (await page.Page.InnerTextAsync("[data-testid=vote-progress]")).ShouldNotBe(before);
        (await dashboard.Store.GetVotesAsync()).Count.ShouldBe(1);
        page.ShouldHaveNoErrors();
    }

    /// <summary>Each shown video has its job's poster, and the poster is a JPEG the endpoint serves.</summary>
    private static async Task PostersAsync(BrowserPage page, VoteDashboard dashboard)
    {
        foreach (var side in new[] { "left", "right" })
        {
            var video = page.Page.Locator($"[data-testid=vote-grid] video[data-side={side}]");
            var src = await video.GetAttributeAsync("src");
            (await video.GetAttributeAsync("poster")).ShouldBe($"{src}/poster");
            using var response = await dashboard.Http.GetAsync($"{src}/poster");
            response.IsSuccessStatusCode.ShouldBeTrue();
            response.Content.Headers.ContentType?.MediaType.ShouldBe("image/jpeg");
        }
    }
}
