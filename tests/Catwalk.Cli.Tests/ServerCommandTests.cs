using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Catwalk.Testing;
using Npgsql;

namespace Catwalk.Cli.Tests;

public sealed class ServerCommandTests
{
    [Fact]
    public async Task A_SQLite_store_is_refused_saying_why_and_what_to_pass()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, null, "server", "--db", "team.db", "--port", "0");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("'team.db' is a SQLite file");
        result.Output.ShouldContain("--db \"Host=");
        result.HasStackTrace.ShouldBeFalse(result.ToString());
    }

    [Fact]
    public async Task Without_a_db_the_default_SQLite_file_is_refused_too()
    {
        using var dir = new TempDirectory();
        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["CATWALK_DB"] = "" }, "server", "--port", "0");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("needs the PostgreSQL store its workers share");
        result.HasStackTrace.ShouldBeFalse(result.ToString());
    }

    [PostgresFact]
    public async Task On_PostgreSQL_it_serves_says_where_and_how_to_start_workers_and_never_prints_the_password()
    {
        const string password = "cli-pw-never-printed-41";
        await using var postgres = await TestPostgres.CreateAsync();
        var db = new NpgsqlConnectionStringBuilder(postgres.DatabaseConnectionString) { Password = password }.ConnectionString;
        using var dir = new TempDirectory();
        var port = FreePort();
        var answered = new List<string>();
        var result = await CliRunner.RunAsync(dir.Path, null, async pid =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                try
                {
                    foreach (var path in new[] { "jobs", "api/cluster", "workers" })
                        if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK) answered.Add(path);
                    break;
                }
                catch (HttpRequestException) { await Task.Delay(250); }
            }
            using var stop = Process.Start("kill", ["-INT", pid.ToString()]);
            await stop!.WaitForExitAsync();
        }, "server", "--db", db, "--port", port.ToString());

        answered.ShouldBe(["jobs", "api/cluster", "workers"], result.ToString());
        result.Output.ShouldContain($"Server on http://127.0.0.1:{port}/");
        result.Output.ShouldContain($"Store: PostgreSQL 127.0.0.1:");
        result.Output.ShouldContain("enqueued on the workers' emulated queue");
        result.Output.ShouldContain("catwalk worker --db \"");
        result.Output.ShouldNotContain(password);
        result.HasStackTrace.ShouldBeFalse(result.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
