namespace Catwalk.Packaging.Tests;

/// <summary><c>dotnet publish src/Catwalk.Cli -c Release -r linux-x64</c>, used from folders outside the checkout.</summary>
[Collection(ShippedCollection.Name)]
public sealed class PublishedBuildTests(ShippedBuilds builds, Chromium chromium)
{
    [Fact]
    public async Task Carries_its_web_assets_and_only_linux_x64_natives_within_60_MB()
    {
        var folder = await builds.PublishedAsync();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToList();
        files.Sum(f => new FileInfo(Path.Combine(folder, f)).Length).ShouldBeLessThanOrEqualTo(60_000_000);
        files.ShouldContain("wwwroot/_framework/blazor.web.js");
        files.ShouldContain("wwwroot/_content/MudBlazor/MudBlazor.min.css");
        files.ShouldContain("catwalk.staticwebassets.endpoints.json");
        files.ShouldContain("samples/person.png");
        files.ShouldContain("libSkiaSharp.so");
        // The build's runtime manifest points into the NuGet cache and the source tree; a publish must not need it.
        files.ShouldNotContain(f => f.EndsWith(".staticwebassets.runtime.json"));
        files.ShouldNotContain(f => f.StartsWith("runtimes/") || f.EndsWith(".dylib") || f == "e_sqlite3.dll" || f == "libSkiaSharp.dll");
    }

    [Fact]
    public async Task Runs_offline_and_serves_the_whole_dashboard_from_another_folder()
    {
        var catwalk = Path.Combine(await builds.PublishedAsync(), "catwalk");
        await ShippedRuns.ShouldRunAndServeAsync(builds, chromium.Browser, catwalk, ShippedRuns.FreshEnvironment(builds));
    }
}
