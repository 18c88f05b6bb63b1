using System.Text.Json;
using Catwalk.Testing;

namespace Catwalk.Packaging.Tests;

/// <summary>
/// The checkout published (linux-x64) and packed once per test run, each into a temp folder outside the checkout, shared
/// by every test here. Publishing and packing take minutes on two cores, so each happens only when a test first asks.
/// One at a time: both restore and build into the checkout's obj folders with different properties (pack restores for
/// the tool's RIDs, publish for linux-x64), so side by side one could rewrite the other's assets file mid-build.
/// </summary>
public sealed class ShippedBuilds : IAsyncLifetime
{
    public const string Version = "0.1.0";

    private readonly TempDirectory _root = new("catwalk-shipped-");
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private string? _published, _artifacts;

    /// <summary>A fresh folder for one test's own files (homes, stores, working folders), inside this fixture's temp folder.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_root.Path, $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary><c>dotnet publish src/Catwalk.Cli -c Release -r linux-x64</c>, as the README says, into a folder of its own.</summary>
    public async Task<string> PublishedAsync()
    {
        await _buildGate.WaitAsync();
        try
        {
            if (_published is not null) return _published;
            var output = Path.Combine(_root.Path, "published");
            (await ProcessRun.RunAsync("dotnet", RepositoryRoot.Path,
                ["publish", RepositoryRoot.File("src", "Catwalk.Cli", "Catwalk.Cli.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo"],
                timeout: TimeSpan.FromMinutes(15))).ShouldSucceed("dotnet publish");
            return _published = output;
        }
        finally { _buildGate.Release(); }
    }

    /// <summary>
    /// <c>dotnet pack -c Release</c> of every project under src (the libraries and the catwalk tool) into a folder of
    /// its own. Only the linux-x64 tool package is made: the other platforms' packages are the same build for another
    /// RID, and each costs another ReadyToRun publish.
    /// </summary>
    public async Task<string> ArtifactsAsync()
    {
        await _buildGate.WaitAsync();
        try
        {
            if (_artifacts is not null) return _artifacts;
            var output = Path.Combine(_root.Path, "artifacts");
            var filter = Path.Combine(_root.Path, "src-only.slnf");
            var projects = Directory.GetDirectories(RepositoryRoot.File("src")).Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
                .Where(File.Exists).Select(p => Path.GetRelativePath(RepositoryRoot.Path, p)).ToArray();
            await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new { solution = new { path = RepositoryRoot.File("Catwalk.slnx"), projects } }));
            (await ProcessRun.RunAsync("dotnet", RepositoryRoot.Path,
                ["pack", filter, "-c", "Release", "--nologo", $"-p:PackageOutputPath={output}/", "-p:ToolPackageRuntimeIdentifiers=linux-x64"],
                timeout: TimeSpan.FromMinutes(15))).ShouldSucceed("dotnet pack");
            return _artifacts = output;
        }
        finally { _buildGate.Release(); }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
