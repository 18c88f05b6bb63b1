using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>The vote page's layout as a user sees it, whatever is voted on: both sides and every control inside the window, no scrolling.</summary>
public static class VoteScreen
{
    private static readonly string[] Controls = ["vote-left", "vote-tie", "vote-both-bad", "vote-right", "vote-keys", "vote-progress"];

    /// <summary>
    /// The two <paramref name="media"/> elements ("video" or "img") of the grid and the vote controls (plus <paramref name="more"/>
    /// test ids) lie under the app bar and inside the window, big enough to judge and letterboxed, side by side on a wide
    /// window and stacked on a phone, and the page does not scroll.
    /// </summary>
    public static async Task ShouldFitAsync(BrowserPage page, int width, int height, bool phone, string media, params string[] more)
    {
        var left = await BoxAsync(page, $"[data-testid=vote-grid] {media}[data-side=left]");
        var right = await BoxAsync(page, $"[data-testid=vote-grid] {media}[data-side=right]");
        var inside = new List<(string What, LocatorBoundingBoxResult Box)> { ($"left {media}", left), ($"right {media}", right) };
        foreach (var id in Controls.Concat(more)) inside.Add((id, await BoxAsync(page, $"[data-testid={id}]")));
        var bar = await BoxAsync(page, ".mud-appbar");
        foreach (var (what, box) in inside)
        {
            box.X.ShouldBeGreaterThanOrEqualTo(0, what);
            box.Y.ShouldBeGreaterThanOrEqualTo(bar.Y + bar.Height - 1, $"{what} is under the app bar");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(width + 0.5f, what);
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(height + 0.5f, what);
        }
        // Big enough to judge, letterboxed rather than cropped, and no scrolling either way.
        foreach (var side in new[] { left, right }) side.Height.ShouldBeGreaterThan(phone ? 150 : 300);
        (await page.Page.EvaluateAsync<string>($"() => getComputedStyle(document.querySelector('[data-testid=vote-grid] {media}')).objectFit")).ShouldBe("contain");
        (await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).ShouldBeLessThanOrEqualTo(height);
        (await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        if (phone) right.Y.ShouldBeGreaterThanOrEqualTo(left.Y + left.Height); // stacked
        else { right.Y.ShouldBe(left.Y, 1); right.X.ShouldBeGreaterThanOrEqualTo(left.X + left.Width); } // side by side
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(BrowserPage page, string selector) =>
        (await page.Page.Locator(selector).BoundingBoxAsync()).ShouldNotBeNull(selector);
}
