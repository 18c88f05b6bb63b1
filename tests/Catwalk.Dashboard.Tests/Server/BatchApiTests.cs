using Catwalk.Domain;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Catwalk.Dashboard.Api;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;
using Catwalk.Testing;
using Catwalk.Workers;
using Npgsql;

namespace Catwalk.Dashboard.Tests.Server;

/// <summary><c>POST /api/batches</c> and <c>GET /api/cluster</c> on a real server over a real PostgreSQL database.</summary>
public sealed class BatchApiTests
{
    [PostgresFact]
    public async Task A_valid_manifest_is_stored_and_enqueued_for_the_emulated_workers()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };

        using var response = await http.PostAsync("api/batches?name=lookbook.yaml", new StringContent(ServerDashboard.Manifest(), Encoding.UTF8, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<BatchAccepted>())!;
        accepted.Queue.ShouldBe(WorkerQueues.Emulated);
        accepted.Jobs.ShouldBe(2);
        accepted.EstimatedCostUsd.ShouldBeGreaterThan(0);
        response.Headers.Location!.ToString().ShouldBe($"/runs/{accepted.RunId}");

        var run = (await server.Store.GetRunAsync(accepted.RunId)).ShouldNotBeNull();
        run.Emulated.ShouldBeTrue();
        run.Name.ShouldBe("api-test");
        run.EstimatedCostUsd.ShouldBe(accepted.EstimatedCostUsd);
        var jobs = await server.Store.GetJobsAsync(accepted.RunId);
        jobs.Select(j => j.Stage.Name()).Order().ShouldBe(["image", "video"]);
        jobs.ShouldAllBe(j => j.State == JobState.Planned);

        // The image job waits in the emulated queue; its video is a continuation that is enqueued once the image ends.
        var monitoring = server.Storage.GetMonitoringApi();
        monitoring.Queues().Single().Name.ShouldBe(WorkerQueues.Emulated);
        var enqueued = monitoring.EnqueuedJobs(WorkerQueues.Emulated, 0, 10);
        enqueued.Count.ShouldBe(1);
        enqueued.Single().Value.Job.Args.ShouldBe([accepted.RunId, jobs.Single(j => j.Stage == StageKind.Image).Id, CancellationToken.None]);
        (await HangfireStatesAsync(server.Db)).ShouldBe(["Awaiting", "Enqueued"]);

        var cluster = (await http.GetFromJsonAsync<Catwalk.Workers.Monitoring.ClusterSnapshot>("api/cluster"))!;
        cluster.Queues.Single().ShouldBe(new Catwalk.Workers.Monitoring.QueueStatus(WorkerQueues.Emulated, 1, 0));
        cluster.Enqueued.ShouldBe(1);
        cluster.Workers.ShouldBeEmpty();
    }

    /// <summary>The state of every Hangfire job in the database (Hangfire.PostgreSql does not count awaiting ones in its statistics).</summary>
    private static async Task<IReadOnlyList<string>> HangfireStatesAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT statename FROM {HangfireStorageFactory.Schema}.job ORDER BY statename", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<string>();
        while (await reader.ReadAsync()) states.Add(reader.GetString(0));
        return states;
    }

    [PostgresFact]
    public async Task A_malformed_manifest_gets_400_with_its_line_and_nothing_is_stored()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };
        var manifest = ServerDashboard.Manifest().Replace("- id: sample", "- id: sample\n    height: tall");

        using var response = await http.PostAsync("api/batches", new StringContent(manifest, Encoding.UTF8, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        var line = manifest.Split('\n').ToList().FindIndex(l => l.Contains("height: tall")) + 1;
        error.Line.ShouldBe(line);
        error.Error.ShouldStartWith($"manifest.yaml line {line}");
        error.Field.ShouldBe("people[0].height");
        (await server.Store.ListRunsAsync()).ShouldBeEmpty();
        server.Storage.GetMonitoringApi().GetStatistics().Enqueued.ShouldBe(0);
    }

    [PostgresFact]
    public async Task A_mistyped_key_gets_400_naming_it_with_a_suggestion_and_nothing_is_stored()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };
        var manifest = ServerDashboard.Manifest().Replace("durations: [6]", "durations: [6]\nbudjet: 5");

        using var response = await http.PostAsync("api/batches", new StringContent(manifest, Encoding.UTF8, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        error.Line.ShouldBe(manifest.Split('\n').ToList().FindIndex(l => l.StartsWith("budjet")) + 1);
        error.Error.ShouldContain("'budjet'");
        error.Error.ShouldContain("did you mean 'budget'");
        (await server.Store.ListRunsAsync()).ShouldBeEmpty();
        server.Storage.GetMonitoringApi().GetStatistics().Enqueued.ShouldBe(0);
    }

    [PostgresFact]
    public async Task Over_its_budget_a_batch_gets_422_with_the_estimate_and_nothing_is_stored()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };

        using var response = await http.PostAsync("api/batches", new StringContent(ServerDashboard.Manifest(budget: "0.01"), Encoding.UTF8, "application/yaml"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<ApiError>())!.Error.ShouldContain("over the $0.01 budget");
        (await server.Store.ListRunsAsync()).ShouldBeEmpty();
    }

    [PostgresFact]
    public async Task An_empty_body_gets_400_saying_what_to_send()
    {
        await using var server = await ServerDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Server.BaseUri };
        using var response = await http.PostAsync("api/batches", new StringContent(""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ApiError>())!.Error.ShouldContain("send the batch manifest");
    }
}
