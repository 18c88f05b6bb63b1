using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Catwalk.Store;
using Catwalk.Testing;
using Catwalk.Dashboard.Health;
using Catwalk.Workers;
using Hangfire;
using Microsoft.Data.Sqlite;

namespace Catwalk.Dashboard.Tests.Health;

public class HealthServerTests
{
    [Fact]
    public async Task Readyz_is_503_when_the_store_schema_is_not_this_builds_and_healthz_stays_200()
    {
        using var dir = new TempDirectory();
        var db = dir.File("runs.db");
        await using var store = await RunStoreFactory.OpenAsync(db, dir.Path);
        var port = FreePort();
        await using var server = await HealthTestServer.StartAsync(port, store, jobs: null, host: "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var ready = await GetAsync(http, "readyz");
        ready.Status.ShouldBe(HttpStatusCode.OK, ready.Body);
        ready.Json.GetProperty("checks").GetProperty("store").GetProperty("description").GetString().ShouldBe($"schema {RunStoreFactory.LatestSchemaVersion}");

        // As if a newer catwalk had migrated the database further: this build is not ready for it.
        await ExecuteAsync(db, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({RunStoreFactory.LatestSchemaVersion + 1}, 'from_the_future', 0)");
        var newer = await GetAsync(http, "readyz");
        newer.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, newer.Body);
        newer.Json.GetProperty("status").GetString().ShouldBe("unhealthy");
        newer.Json.GetProperty("checks").GetProperty("store").GetProperty("description").GetString()!.ShouldContain("upgrade catwalk");

        // And one whose last migrations were never applied.
        await ExecuteAsync(db, $"DELETE FROM schema_migrations WHERE version >= {RunStoreFactory.LatestSchemaVersion}");
        var older = await GetAsync(http, "readyz");
        older.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, older.Body);
        older.Json.GetProperty("checks").GetProperty("store").GetProperty("description").GetString()!.ShouldContain("migrations not applied");

        (await http.GetAsync("healthz")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process is up whatever its database");
        (await http.GetAsync("anything-else")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [PostgresFact]
    public async Task Readyz_checks_the_PostgreSQL_store_and_Hangfire_and_says_no_when_the_database_is_gone()
    {
        var postgres = await TestPostgres.CreateAsync();
        var store = await RunStoreFactory.OpenAsync(postgres.DatabaseConnectionString, Path.GetTempPath());
        var jobs = HangfireStorageFactory.Create(postgres.DatabaseConnectionString);
        var port = FreePort();
        await using var server = await HealthTestServer.StartAsync(port, store, jobs, host: "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var ready = await GetAsync(http, "readyz");
        ready.Status.ShouldBe(HttpStatusCode.OK, ready.Body);
        ready.Json.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString().ShouldBe("healthy");

        await postgres.DisposeAsync(); // drops the database under the running server
        var gone = await GetAsync(http, "readyz");
        gone.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, gone.Body);
        gone.Json.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("unhealthy");
        gone.Body.ShouldNotContain("Password", Case.Insensitive);
        await store.DisposeAsync();
    }

    private static async Task<(HttpStatusCode Status, string Body, JsonElement Json)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
