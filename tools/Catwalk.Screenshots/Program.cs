using Microsoft.Playwright;

// Usage: Catwalk.Screenshots --url http://127.0.0.1:PORT/ --report report.html --out docs/screenshots [--votes 16] [--only-votes]
// Casts blind votes on the vote page (as a person would, with the arrow keys; --only-votes: that and no more), then shoots
// the vote page, the overview (light and dark), the side-by-side compare of the first look and the HTML report, each
// after the circuit is live.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: Catwalk.Screenshots --url http://127.0.0.1:PORT/ --report report.html --out DIR [--votes N] [--only-votes]");
    return 2;
}
Directory.CreateDirectory(options.Out);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"],
});

var viewport = new ViewportSize { Width = 1280, Height = 800 };

async Task<IPage> OpenAsync(IBrowserContext context, string path)
{
    var page = await context.NewPageAsync();
    var response = await page.GotoAsync(path);
    if (response is not { Ok: true }) throw new InvalidOperationException($"GET {path}: {response?.Status}");
    // Blazor replaces the prerendered page when its circuit connects: shoot only after that.
    await page.Locator("[data-interactive=true]").First.WaitForAsync(new() { Timeout = 30_000 });
    return page;
}

async Task SettleAsync(IPage page)
{
    // Lazy images load once scrolled to; then every image decoded and every video showing a frame, and a moment for the last layout.
    await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
    await page.WaitForTimeoutAsync(300);
    await page.EvaluateAsync("() => window.scrollTo(0, 0)");
    await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete) && [...document.querySelectorAll('video')].every(v => v.readyState >= 2)", null, new() { Timeout = 30_000 });
    await page.WaitForTimeoutAsync(400);
}

async Task ShootAsync(IPage page, string name, bool fullPage = true, double? clipHeight = null)
{
    await SettleAsync(page);
    var path = Path.Combine(options.Out, name);
    if (clipHeight is { } height) await page.SetViewportSizeAsync(viewport.Width, (int)Math.Ceiling(height));
    await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Type = ScreenshotType.Png });
    Console.WriteLine($"{path} ({new FileInfo(path).Length / 1024} KiB)");
}

await using (var light = await browser.NewContextAsync(new() { BaseURL = options.Url, ViewportSize = viewport }))
{
    // reveal=0: the next pair at once after each vote, as the preference tests vote.
    var vote = await OpenAsync(light, "vote?reveal=0");
    var random = new Random(20); // the same votes every time: the screenshots change only when the pages do
    const string settled = "[data-testid=vote-grid][data-revealed=false][data-synced=true]";
    for (var i = 0; i < options.Votes; i++)
    {
        await vote.WaitForFunctionAsync($"() => document.querySelector('[data-testid=vote-count]')?.innerText === '{i}'", null, new() { Timeout = 30_000 });
        await vote.Locator(settled).WaitForAsync(new() { Timeout = 30_000 });
        await vote.Keyboard.PressAsync(random.Next(3) == 0 ? "ArrowRight" : "ArrowLeft");
    }
    await vote.WaitForFunctionAsync($"() => document.querySelector('[data-testid=vote-count]')?.innerText === '{options.Votes}'", null, new() { Timeout = 30_000 });
    await vote.Locator(settled).WaitForAsync(new() { Timeout = 30_000 });
    if (options.OnlyVotes) return 0;
    await ShootAsync(vote, "vote.png", fullPage: false);

    await ShootAsync(await OpenAsync(light, ""), "overview.png");
    var compare = await OpenAsync(light, "compare");
    await compare.Locator("[data-testid=compare-groups] a").First.ClickAsync();
    await compare.Locator("[data-testid=compare-grid]").WaitForAsync(new() { Timeout = 30_000 });
    // The look's first row: headless Chromium keeps only so many video players decoding, so later rows may draw blank.
    var firstRow = await compare.Locator("[data-testid=compare-row]").First.BoundingBoxAsync();
    await ShootAsync(compare, "compare.png", fullPage: false, clipHeight: firstRow is null ? null : firstRow.Y + firstRow.Height + 16);
}

await using (var dark = await browser.NewContextAsync(new() { BaseURL = options.Url, ViewportSize = viewport }))
{
    await dark.AddCookiesAsync([new Cookie { Name = "catwalk-theme", Value = "dark", Url = options.Url }]);
    await ShootAsync(await OpenAsync(dark, ""), "overview-dark.png", fullPage: false);
}

await using (var report = await browser.NewContextAsync(new() { ViewportSize = viewport }))
{
    var page = await report.NewPageAsync();
    await page.GotoAsync(new Uri(Path.GetFullPath(options.Report)).AbsoluteUri);
    await ShootAsync(page, "report.png", fullPage: false);
}
return 0;

/// <summary>The command line: where the dashboard is, the report file, the folder to write, how many votes to cast first.</summary>
internal sealed record Options(string Url, string Report, string Out, int Votes, bool OnlyVotes)
{
    public static Options? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Value("--url") is not { } url || Value("--report") is not { } report || Value("--out") is not { } output) return null;
        return new Options(url.EndsWith('/') ? url : url + "/", report, output, int.TryParse(Value("--votes"), out var votes) ? votes : 16, args.Contains("--only-votes"));
    }
}
