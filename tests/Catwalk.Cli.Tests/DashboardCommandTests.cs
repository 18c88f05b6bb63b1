using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

public sealed class DashboardCommandTests
{
    [Fact]
    public async Task Refuses_a_non_loopback_host_without_a_token()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "dashboard", "--host", "0.0.0.0", "--port", "0");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.ToString().ShouldContain("--token");
    }
}
