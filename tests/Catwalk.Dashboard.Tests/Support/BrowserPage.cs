using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>A page plus what went wrong in it: console errors, uncaught exceptions, and any dialog (alert) that opened.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public BrowserPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") lock (_errors) _errors.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"page error: {error}"); };
        page.Dialog += async (_, dialog) => { lock (_errors) _errors.Add($"dialog: {dialog.Message}"); await dialog.DismissAsync(); };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }

    /// <summary>Waits for an element (e.g. one that only an interactive render marks), reporting the page's errors if it never comes.</summary>
    /// <remarks>The timeout is a bound for a loaded machine, not a measure: it only decides when to give up and report.</remarks>
    public async Task WaitForAsync(string selector, int timeoutMilliseconds = 15_000)
    {
        try { await Page.Locator(selector).First.WaitForAsync(new() { Timeout = timeoutMilliseconds }); }
        catch (TimeoutException e) { throw await DescribedAsync($"{selector} did not appear", e); }
    }

    /// <summary>Waits for a navigation to a URL matching <paramref name="glob"/>, reporting what the page shows if it never comes.</summary>
    public async Task WaitForUrlAsync(string glob, int timeoutMilliseconds)
    {
        // The page's own location, polled: Blazor's enhanced navigation moves it with pushState after fetching the
        // next page, and waiting for Playwright's navigation events (even at "commit") twice timed out under CI load with
        // the page already at the URL and showing the run. What the page then shows is waited for by its own selector.
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/?#]*") + "$";
        try { await Page.WaitForFunctionAsync("p => new RegExp(p).test(location.href)", pattern, new() { Timeout = timeoutMilliseconds, PollingInterval = 100 }); }
        catch (TimeoutException e) { throw await DescribedAsync($"no navigation to {glob} (still at {Page.Url})", e); }
    }

    private async Task<TimeoutException> DescribedAsync(string what, TimeoutException e)
    {
        var text = await Page.EvaluateAsync<string>("() => document.body?.innerText ?? ''");
        return new TimeoutException($"{what}; the page said: {string.Join(" | ", Errors)}; it shows: {text}", e);
    }

    public void ShouldHaveNoErrors() => Errors.ShouldBeEmpty();

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
