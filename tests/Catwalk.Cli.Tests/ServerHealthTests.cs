using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Catwalk.Testing;
using Npgsql;

namespace Catwalk.Cli.Tests;

public sealed class ServerHealthTests
{
    [PostgresFact]
    public async Task The_server_answers_healthz_and_readyz_without_its_token_guards_the_rest_and_logs_json_lines_from_CATWALK_LOG_FORMAT()
    {
        const string password = "server-pw-never-logged-93";
        const string token = "server-token-never-logged-12";
        await using var postgres = await TestPostgres.CreateAsync();
        var db = new NpgsqlConnectionStringBuilder(postgres.DatabaseConnectionString) { Password = password }.ConnectionString;
        using var dir = new TempDirectory();
        var port = FreePort.Next();
        var answers = new Dictionary<string, (HttpStatusCode, string)>();
        var result = await CliRunner.RunAsync(dir.Path, new Dictionary<string, string> { ["CATWALK_LOG_FORMAT"] = "json" }, async pid =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                try
                {
                    foreach (var path in new[] { "healthz", "readyz", "workers" })
                    {
                        using var response = await http.GetAsync(path);
                        answers[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
                    }
                    break;
                }
                catch (HttpRequestException) { await Task.Delay(250); }
            }
            using var stop = Process.Start("kill", ["-TERM", pid.ToString()]);
            await stop!.WaitForExitAsync();
        }, "server", "--db", db, "--port", port.ToString(), "--token", token);

        result.ExitCode.ShouldBe(0, result.ToString());
        answers["healthz"].Item1.ShouldBe(HttpStatusCode.OK, result.ToString());
        answers["readyz"].Item1.ShouldBe(HttpStatusCode.OK, answers["readyz"].Item2);
        using (var ready = JsonDocument.Parse(answers["readyz"].Item2))
        {
            ready.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
            ready.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString().ShouldBe("healthy");
        }
        answers["workers"].Item1.ShouldBe(HttpStatusCode.Unauthorized, "everything but the probes still needs the token");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.GetProperty("Message").GetString().ShouldNotBeNull();
        }
        result.Stdout.ShouldContain($"Server on http://127.0.0.1:{port}/");
        result.Stdout.ShouldContain("Server stopped");
        result.Output.ShouldNotContain(password);
        result.Output.ShouldNotContain(token);
    }

    [Fact]
    public async Task A_log_format_that_is_not_one_is_one_line_and_exit_2()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["CATWALK_LOG_FORMAT"] = "xml", ["CATWALK_DB"] = "Host=127.0.0.1;Port=1;Database=x;Username=y" };
        var result = await CliRunner.RunAsync(dir.Path, env, "worker");
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("CATWALK_LOG_FORMAT='xml' is not a log format: use text or json.");
        result.HasStackTrace.ShouldBeFalse(result.ToString());
    }
}
