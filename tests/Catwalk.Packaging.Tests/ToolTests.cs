using System.IO.Compression;

namespace Catwalk.Packaging.Tests;

/// <summary>The catwalk .NET tool from the packed artifacts, installed in a fresh home as a new user would.</summary>
[Collection(ShippedCollection.Name)]
public sealed class ToolTests(ShippedBuilds builds, Chromium chromium)
{
    [Fact]
    public async Task Is_a_small_pointer_package_and_one_package_per_platform()
    {
        var artifacts = await builds.ArtifactsAsync();
        var pointer = Path.Combine(artifacts, $"catwalk.{ShippedBuilds.Version}.nupkg");
        var linux = Path.Combine(artifacts, $"catwalk.linux-x64.{ShippedBuilds.Version}.nupkg");
        new FileInfo(pointer).Length.ShouldBeLessThan(100_000);
        new FileInfo(linux).Length.ShouldBeLessThan(40_000_000);
        using var zip = ZipFile.OpenRead(pointer);
        using var settings = new StreamReader(zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
        (await settings.ReadToEndAsync()).ShouldContain("""RuntimeIdentifier="linux-x64" Id="catwalk.linux-x64" """.Trim());
        using var linuxZip = ZipFile.OpenRead(linux);
        var entries = linuxZip.Entries.Select(e => e.FullName).ToList();
        entries.ShouldContain("tools/net10.0/linux-x64/wwwroot/_framework/blazor.web.js");
        entries.ShouldContain("tools/net10.0/linux-x64/samples/person.png");
        entries.ShouldNotContain(e => e.StartsWith("content") || e.StartsWith("staticwebassets/"));
    }

    [Fact]
    public async Task Installed_globally_in_a_fresh_home_it_runs_offline_and_serves_the_whole_dashboard()
    {
        var environment = ShippedRuns.FreshEnvironment(builds);
        var home = environment["HOME"];
        (await ProcessRun.RunAsync("dotnet", builds.NewFolder("install"),
            ["tool", "install", "--global", "catwalk", "--add-source", await builds.ArtifactsAsync(), "--version", ShippedBuilds.Version], environment))
            .ShouldSucceed("dotnet tool install --global");
        var catwalk = Path.Combine(home, ".dotnet", "tools", "catwalk");
        File.Exists(catwalk).ShouldBeTrue();
        environment["PATH"] = $"{Path.GetDirectoryName(catwalk)}:{Environment.GetEnvironmentVariable("PATH")}";
        await ShippedRuns.ShouldRunAndServeAsync(builds, chromium.Browser, catwalk, environment);
    }

    [Fact]
    public async Task Without_ffmpeg_it_says_in_one_line_how_to_install_it()
    {
        var environment = ShippedRuns.FreshEnvironment(builds);
        var tools = builds.NewFolder("tools");
        (await ProcessRun.RunAsync("dotnet", builds.NewFolder("install"),
            ["tool", "install", "catwalk", "--tool-path", tools, "--add-source", await builds.ArtifactsAsync(), "--version", ShippedBuilds.Version], environment))
            .ShouldSucceed("dotnet tool install --tool-path");
        // A PATH with dotnet and nothing else, so no ffmpeg.
        var bin = builds.NewFolder("bin");
        var dotnet = DotnetHost.Path;
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), dotnet);
        environment["PATH"] = bin;
        environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet)!;
        var run = await ProcessRun.RunAsync(Path.Combine(tools, "catwalk"), builds.NewFolder("run"), ["run"], environment);
        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldContain("Install it with: sudo apt-get install -y ffmpeg");
        run.Output.ShouldNotContain("   at ");
    }
}
