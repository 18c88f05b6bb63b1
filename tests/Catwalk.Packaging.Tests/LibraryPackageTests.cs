using Catwalk.Testing;
using System.Text.RegularExpressions;

namespace Catwalk.Packaging.Tests;

/// <summary>The README's C# example, unchanged, in a throwaway console project that references only the packed packages.</summary>
[Collection(ShippedCollection.Name)]
public sealed partial class LibraryPackageTests(ShippedBuilds builds)
{
    [Fact]
    public async Task The_readme_example_runs_offline_against_the_packed_packages()
    {
        var artifacts = await builds.ArtifactsAsync();
        var project = builds.NewFolder("console");
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), ReadmeExample());
        await File.WriteAllTextAsync(Path.Combine(project, "Example.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Catwalk.Pipelines" Version="{ShippedBuilds.Version}" />
                <PackageReference Include="Catwalk.Emulator" Version="{ShippedBuilds.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The packed packages as a source of their own, beside the machine's usual registry for their dependencies.
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
            <configuration>
              <packageSources><add key="catwalk-artifacts" value="{artifacts}" /></packageSources>
            </configuration>
            """);
        File.Copy(RepositoryRoot.File("assets", "samples", "person.png"), Path.Combine(project, "look.png"));
        var environment = new Dictionary<string, string>
        {
            // Its own package folder: the packed 0.1.0 must not come from (or go into) the machine's cache of an older pack.
            ["NUGET_PACKAGES"] = Path.Combine(project, ".packages"),
            ["XDG_CACHE_HOME"] = Path.Combine(project, ".cache"),
        };

        var run = await ProcessRun.RunAsync("dotnet", project, ["run", "-c", "Release"], environment, TimeSpan.FromMinutes(10));

        run.ShouldSucceed("the README example");
        foreach (var model in new[] { "veo3", "kling" })
        {
            var line = run.Stdout.Split('\n').SingleOrDefault(l => l.StartsWith($"{model}: ")) ?? throw new InvalidOperationException($"no {model} line: {run.Output}");
            File.Exists(line[$"{model}: ".Length..].Trim()).ShouldBeTrue(line);
        }
        run.Stdout.ShouldNotContain("failed");
    }

    /// <summary>The first C# block under "Using Catwalk from C#" in the README, exactly as written there.</summary>
    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        var section = readme[readme.IndexOf("## Using Catwalk from C#", StringComparison.Ordinal)..];
        return CSharpBlock().Match(section) is { Success: true } block ? block.Groups[1].Value : throw new InvalidOperationException("README has no C# example");
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
