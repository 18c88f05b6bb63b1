using System.Net;
using Catwalk.Testing;
using Catwalk.Dashboard.Tests.Support;

namespace Catwalk.Dashboard.Tests;

public sealed class DashboardServerTests
{
    [Fact]
    public async Task Listens_on_loopback_by_default()
    {
        using var folder = new TempDirectory();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = folder.Path });
        server.BaseUri.Host.ShouldBe("127.0.0.1");
        server.BaseUri.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Refuses_a_non_loopback_host_without_a_token()
    {
        using var folder = new TempDirectory();
        var error = await Should.ThrowAsync<ArgumentException>(() => DashboardServer.StartAsync(new DashboardOptions { OutputRoot = folder.Path, Host = "0.0.0.0" }));
        error.Message.ShouldContain("--token");
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        using var folder = new TempDirectory();
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = folder.Path, AccessToken = "s3cret" });
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = server.BaseUri };
        (await http.GetAsync("")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync("export.csv?token=wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync("?token=s3cret")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("export.csv")).StatusCode.ShouldBe(HttpStatusCode.OK); // the cookie now
    }
}
