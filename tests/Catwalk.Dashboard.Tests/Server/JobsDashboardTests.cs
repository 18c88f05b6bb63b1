using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Server;

/// <summary>Hangfire's dashboard under <c>/jobs</c>, and the API, behind the dashboard's own access rule.</summary>
public sealed class JobsDashboardTests
{
    private const string Token = "jobs-token-5e2a";

    [PostgresFact]
    public async Task On_loopback_without_a_token_jobs_and_the_api_answer()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };

        foreach (var path in new[] { "jobs", "jobs/servers", "jobs/jobs/enqueued", "api/cluster", "workers" })
        {
            using var response = await http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(ServerDashboard.DbPassword, Case.Insensitive, path);
        }
        var jobs = await http.GetStringAsync("jobs");
        jobs.ShouldContain("Catwalk jobs");
        jobs.ShouldNotContain("Host=", Case.Insensitive); // no connection details in the footer either
    }

    [PostgresFact]
    public async Task From_another_host_jobs_needs_the_token_and_works_with_it()
    {
        // Listening on every address, as for other machines; reached through this machine's own non-loopback address when it has one.
        await using var server = await ServerDashboard.StartAsync(Token, host: "0.0.0.0");
        var address = NonLoopbackAddress() ?? IPAddress.Loopback;
        var baseUri = new UriBuilder(server.Server.BaseUri) { Host = address.ToString() }.Uri;
        using var anonymous = new HttpClient { BaseAddress = baseUri };
        foreach (var path in new[] { "jobs", "jobs/servers", "api/cluster", "workers" })
            ((int)(await anonymous.GetAsync(path)).StatusCode).ShouldBeOneOf([401, 403], path);
        (await anonymous.GetAsync("jobs?token=wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = baseUri };
        using (var first = await browser.GetAsync($"jobs?token={Token}")) first.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await browser.GetAsync("jobs/servers"); // the cookie now
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await again.Content.ReadAsStringAsync();
        page.ShouldNotContain(Token);
        page.ShouldNotContain(ServerDashboard.DbPassword);

        using var api = new HttpClient { BaseAddress = baseUri };
        api.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var cluster = await api.GetStringAsync("api/cluster");
        cluster.ShouldContain("\"workers\"");
        cluster.ShouldNotContain(ServerDashboard.DbPassword);
    }

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
