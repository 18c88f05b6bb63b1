using Microsoft.Playwright;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>The dashboard's theme cookie as the toggle sets it, for pages opened straight in light or dark mode.</summary>
public static class ThemeCookie
{
    public static Task SetAsync(IBrowserContext context, Uri baseUri, bool dark) =>
        context.AddCookiesAsync([new Cookie { Name = Catwalk.Dashboard.Theme.DashboardTheme.Cookie, Value = dark ? "dark" : "light", Url = baseUri.ToString() }]);
}
