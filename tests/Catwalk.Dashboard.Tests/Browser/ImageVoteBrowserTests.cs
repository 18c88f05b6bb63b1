using Catwalk.Dashboard.Tests.Support;
using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>The image vote page in real Chromium: two dressed images and every button on one screen, blind, and a key vote stored as an image vote.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImageVoteBrowserTests(BrowserFixture browser)
{
    private const string Settled = "[data-testid=vote-grid][data-revealed=false][data-synced=true]";
    private const string ImagesLoaded = "() => { const i = [...document.querySelectorAll('[data-testid=vote-grid] img')]; return i.length === 2 && i.every(x => x.complete && x.naturalWidth > 0); }";

    [Theory]
    [InlineData(1280, 720, false)]
    [InlineData(390, 844, true)]
    public async Task Both_images_and_every_button_fit_the_window_and_a_key_press_stores_an_image_vote(int width, int height, bool phone)
    {
        await using var dashboard = await ImageVoteDashboard.StartAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone, BaseURL = dashboard.Server.BaseUri.ToString(),
        });
        try
        {
            var page = new BrowserPage(await context.NewPageAsync());
            await page.Page.GotoAsync("vote/images?reveal=0");
            await page.WaitForAsync("[data-interactive=true]");
            await page.WaitForAsync(Settled);
            await page.Page.WaitForFunctionAsync(ImagesLoaded, null, new() { Timeout = 10_000 });
            await page.Page.WaitForFunctionAsync("() => document.body.dataset.voteKeys === 'true'");

            await VoteScreen.ShouldFitAsync(page, width, height, phone, "img", "vote-stage-videos", "vote-stage-images");
            (await page.Page.Locator("[data-testid=vote-grid] video").CountAsync()).ShouldBe(0);

            // Blind: no model's name anywhere on the page, and the sources are job ids.
            var text = await page.Page.InnerTextAsync("body");
            foreach (var model in ImageVoteDashboard.ImageModels) text.ShouldNotContain(model);
            var shown = await page.Page.Locator("[data-testid=vote-grid] img").EvaluateAllAsync<string[]>("xs => xs.map(x => x.getAttribute('src'))");
            var (leftId, rightId) = (shown[0]["media/".Length..], shown[1]["media/".Length..]);
            dashboard.Jobs.Single(j => j.Id == leftId).InputKey.ShouldBe(dashboard.Jobs.Single(j => j.Id == rightId).InputKey);
            // The next pair's images are in the page, loading, before the vote.
            (await page.Page.Locator("[data-testid=vote-preload] img").CountAsync()).ShouldBe(2);
            (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("30"); // 6 image model pairs (4 models) × 5

            await page.Page.Keyboard.PressAsync("ArrowRight");
            await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=vote-count]')?.innerText === '1'");
            await page.WaitForAsync(Settled);
            var votes = await dashboard.Store.GetVotesAsync();
            var vote = votes.ShouldHaveSingleItem();
            vote.Stage.ShouldBe(StageKind.Image);
            vote.Outcome.ShouldBe(VoteOutcome.Right);
            (vote.LeftJobId, vote.RightJobId).ShouldBe((leftId, rightId));
            (vote.LeftModel, vote.RightModel).ShouldBe((dashboard.ModelOf(leftId), dashboard.ModelOf(rightId)));
            (await page.Page.InnerTextAsync("[data-testid=store-votes]")).ShouldBe("1");
            (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("29");
            await page.Page.WaitForFunctionAsync(ImagesLoaded, null, new() { Timeout = 10_000 });
            page.ShouldHaveNoErrors();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_links_switch_between_voting_on_videos_and_on_images_and_a_bad_mode_is_one_line()
    {
        await using var dashboard = await ImageVoteDashboard.StartAsync();
        await using var page = await browser.OpenAsync("vote?reveal=0", dashboard.Server.BaseUri);
        await page.WaitForAsync(Settled);
        (await page.Page.Locator("[data-testid=vote-grid] video").CountAsync()).ShouldBe(2);

        await page.Page.ClickAsync("[data-testid=vote-stage-images]");
        await page.Page.WaitForFunctionAsync(ImagesLoaded, null, new() { Timeout = 10_000 });
        (await page.Page.Locator("[data-testid=vote-grid] video").CountAsync()).ShouldBe(0);
        (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("30");

        await page.Page.ClickAsync("[data-testid=vote-stage-videos]");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=vote-grid] video').length === 2", null, new() { Timeout = 10_000 });
        (await page.Page.InnerTextAsync("[data-testid=votes-left]")).ShouldBe("5"); // one video model pair

        await page.Page.GotoAsync(new Uri(dashboard.Server.BaseUri, "vote/audio").ToString());
        await page.WaitForAsync("[data-testid=vote-bad-mode]");
        (await page.Page.InnerTextAsync("[data-testid=vote-bad-mode]")).ShouldContain("There is no 'audio' vote");
        page.ShouldHaveNoErrors();
    }
}
