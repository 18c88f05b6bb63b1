namespace Catwalk.Dashboard.Tests.Support;

/// <summary>The browser tests share one Chromium and one seeded dashboard.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
