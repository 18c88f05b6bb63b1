using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser is downloaded) against one seeded dashboard, shared by the
/// browser tests. Without /usr/bin/chromium the tests fail and say how to install it — they never pass silently.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly SemaphoreSlim _launchGate = new(1, 1);
    private LaunchDashboard? _launch;

    public SeededDashboard Dashboard { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (CI installs it; ./test does too when run as root).");
        Dashboard = await SeededDashboard.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A fresh page that records every console error and uncaught exception.</summary>
    public async Task<BrowserPage> OpenAsync(string path, Uri? baseUri = null)
    {
        var page = await Browser.NewPageAsync(new() { BaseURL = (baseUri ?? Dashboard.Server.BaseUri).ToString() });
        var watched = new BrowserPage(page);
        var response = await page.GotoAsync(path);
        if (response is null || !response.Ok) throw new InvalidOperationException($"GET {path}: {response?.Status}");
        // Blazor replaces the prerendered page when its circuit connects: interact only after that.
        await watched.WaitForAsync("[data-interactive=true]");
        return watched;
    }

    /// <summary>The dashboard that can launch runs (on the fal emulator), started once for the tests that need it.</summary>
    public async Task<LaunchDashboard> LaunchDashboardAsync()
    {
        await _launchGate.WaitAsync();
        try { return _launch ??= await LaunchDashboard.StartAsync(); }
        finally { _launchGate.Release(); }
    }

    public async Task DisposeAsync()
    {
        if (_launch is not null) await _launch.DisposeAsync();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Dashboard is not null) await Dashboard.DisposeAsync();
    }
}
