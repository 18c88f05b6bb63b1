using Catwalk.Domain;
using System.Net;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Components.Pages;

/// <summary>/runs and /runs/{id} as first served (prerendered); the live updates are in the browser tests.</summary>
public sealed class RunsTests
{
    [Fact]
    public async Task The_runs_list_shows_each_run_with_its_counts_and_costs()
    {
        await using var dashboard = await SeededDashboard.StartAsync();
        var html = await dashboard.Http.GetStringAsync("runs");
        html.ShouldContain($"data-run=\"{SeededDashboard.RunId}\"");
        html.ShouldContain($"data-run=\"{SeededDashboard.OldRunId}\"");
        html.ShouldContain("4 downloaded");
        html.ShouldContain("1 failed");
        html.ShouldContain("partial");
    }

    [Fact]
    public async Task A_run_in_flight_shows_queue_positions_log_lines_request_ids_errors_and_links()
    {
        using var folder = new TempDirectory("catwalk-live-");
        var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        JobRecord Job(string id, string model, JobState state) => new()
        {
            Id = id, RunId = "run-live", Stage = StageKind.Video, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = "look@5s",
            State = state, CreatedAt = t, UpdatedAt = t, EstimatedCostUsd = 0.25m,
        };
        await using (var store = await RunStoreFactory.OpenAsync(null, folder.Path))
        {
            await store.CreateRunAsync(new RunRecord { Id = "run-live", Kind = RunKind.Run, OutputRoot = folder.Path, CreatedAt = t, UpdatedAt = t, EstimatedCostUsd = 1m },
            [
                Job("job-queued", "veo3", JobState.Submitted) with { RequestId = "req-queued" },
                Job("job-running", "kling", JobState.Submitted) with { RequestId = "req-running" },
                Job("job-done", "pika", JobState.Downloaded) with { RequestId = "req-done", CostUsd = 0.2m, FilePath = "videos/p.mp4" },
                Job("job-failed", "luma", JobState.Failed) with { Error = "The model <b>failed</b>" },
            ]);
            await store.RecordProgressAsync("job-queued", 4, running: false, []);
            await store.RecordProgressAsync("job-running", null, running: true, ["loading weights", "step <2>/8"]);
        }
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = folder.Path });
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var html = await http.GetStringAsync("runs/run-live");
        html.ShouldContain("running");                 // run status
        html.ShouldContain("2 submitted");
        html.ShouldContain("estimated $1.00");
        html.ShouldContain("spent $0.20");
        html.ShouldContain("#4");                      // fal's queue position
        html.ShouldContain("step &lt;2&gt;/8");        // log lines, as text
        html.ShouldContain("submitted (running)");
        html.ShouldContain("req-running");
        html.ShouldContain("The model &lt;b&gt;failed&lt;/b&gt;");
        html.ShouldContain("href=\"generations/job-done\"");
        html.ShouldNotContain("href=\"generations/job-failed\"");

        (await http.GetStringAsync("runs/no-such-run")).ShouldContain("No run with this id");
    }

    [Fact]
    public async Task Launch_without_a_launcher_says_it_needs_catwalk_dashboard()
    {
        await using var dashboard = await SeededDashboard.StartAsync(empty: true);
        using var response = await dashboard.Http.GetAsync("launch");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"no-launcher\"");
        html.ShouldContain("catwalk dashboard");
    }

    [Fact]
    public async Task Launch_with_an_emulated_launcher_offers_the_catalog_and_says_it_is_emulated()
    {
        await using var dashboard = await LaunchDashboard.StartAsync();
        using var http = new HttpClient { BaseAddress = dashboard.Server.BaseUri };
        var html = await http.GetStringAsync("launch");
        html.ShouldContain("data-testid=\"emulated\"");
        html.ShouldContain("id=\"person-file\"");
        foreach (var model in dashboard.Launcher.Catalog.VideoModels) html.ShouldContain($"model-{model.Key}");
    }
}
