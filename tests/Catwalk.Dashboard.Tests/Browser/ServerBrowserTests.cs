using Catwalk.Domain;
using System.Net;
using System.Text;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Store;
using Catwalk.Testing;
using Catwalk.Workers;
using Hangfire;

namespace Catwalk.Dashboard.Tests.Browser;

/// <summary>The server's pages in a real browser: the workers view, launching onto the queue, Hangfire's dashboard behind the token.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerBrowserTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task The_workers_page_shows_a_live_worker_the_queue_depth_and_the_throughput()
    {
        await using var server = await ServerDashboard.StartAsync();
        await SeedDownloadedJobAsync(server.Store);
        using (var http = new HttpClient { BaseAddress = server.Server.BaseUri })
            (await http.PostAsync("api/batches", new StringContent(ServerDashboard.Manifest(), Encoding.UTF8, "application/yaml"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        // A real Hangfire server on the same storage; it listens on a queue of its own, so the batch's job stays waiting.
        var name = $"test-worker-{Guid.NewGuid():N}"[..20];
        var worker = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = name, WorkerCount = 3, Queues = ["idle-test"] }, server.Storage);
        try
        {
            await using var page = await browser.OpenAsync("workers", server.Server.BaseUri);
            await page.WaitForAsync($"tr[data-worker^='{name}:']"); // Hangfire names it "<name>:<its id>"; it appears within a refresh or two
            var row = page.Page.Locator($"tr[data-worker^='{name}:']");
            (await row.Locator("td").Nth(1).InnerTextAsync()).ShouldBe("3");
            (await row.Locator("td").Nth(2).InnerTextAsync()).ShouldBe("idle-test");
            (await page.Page.Locator($"tr[data-queue={WorkerQueues.Emulated}] td.waiting").InnerTextAsync()).ShouldBe("1");
            (await page.Page.Locator("[data-testid=enqueued]").InnerTextAsync()).ShouldBe("1");
            (await page.Page.Locator("a.nav-workers").CountAsync()).ShouldBe(1);
            (await page.Page.Locator("[data-testid=jobs-link]").GetAttributeAsync("href")).ShouldBe("jobs");
            await page.Page.WaitForFunctionAsync("() => document.getElementById('chart-throughput')?.data?.[0]?.y?.length === 15", null, new() { Timeout = 15_000 });
            (await page.Page.EvaluateAsync<int>("() => document.getElementById('chart-throughput').data[0].y.reduce((a, b) => a + b, 0)")).ShouldBe(1);

            // The view follows the cluster: a stopped worker leaves it without a reload.
            await page.Page.EvaluateAsync("() => { window.__noReload = true; }");
            worker.Dispose();
            await page.Page.Locator($"tr[data-worker^='{name}:']").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached, Timeout = 15_000 });
            (await page.Page.EvaluateAsync<bool>("() => window.__noReload === true")).ShouldBeTrue();
            page.ShouldHaveNoErrors();
        }
        finally { worker.Dispose(); }
    }

    [PostgresFact]
    public async Task Launching_from_the_page_queues_the_run_for_workers()
    {
        await using var server = await ServerDashboard.StartAsync();
        await using var page = await browser.OpenAsync("launch", server.Server.BaseUri);
        await page.WaitForAsync("[data-testid=launch-form][data-ready=true]");
        (await page.Page.Locator("[data-testid=emulated]").InnerTextAsync()).ShouldContain("emulated queue");
        (await page.Page.Locator("[data-testid=queue-mode]").InnerTextAsync()).ShouldContain($"queued for workers on the {WorkerQueues.Emulated} queue");

        await page.Page.Locator("#person-file").SetInputFilesAsync(LaunchDashboard.Sample("person.png"));
        await page.Page.Locator("#outfit-files").SetInputFilesAsync(LaunchDashboard.Sample("outfit-top.png"));
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=outfits-uploaded]').innerText.includes('outfit-top.png')", null, new() { Timeout = 15_000 });
        await page.Page.Locator(".model-pika input").CheckAsync();
        await page.WaitForAsync("[data-testid=estimate]:has-text('1 videos')");
        (await page.Page.Locator(".launch-run").InnerTextAsync()).ShouldContain("QUEUE FOR WORKERS", Case.Insensitive);
        await page.Page.Locator(".launch-run").ClickAsync();

        await page.WaitForAsync("[data-testid=queued]");
        var runId = (await page.Page.Locator("a.queued-run").InnerTextAsync()).Trim();
        (await page.Page.Locator("[data-testid=queued]").InnerTextAsync()).ShouldContain($"queued for workers on the {WorkerQueues.Emulated} queue");
        var jobs = await server.Store.GetJobsAsync(runId);
        jobs.Count.ShouldBe(2);
        jobs.ShouldAllBe(j => j.State == JobState.Planned); // nothing ran here: the workers do it
        server.Storage.GetMonitoringApi().EnqueuedCount(WorkerQueues.Emulated).ShouldBe(1);
        page.ShouldHaveNoErrors();
    }

    [PostgresFact]
    public async Task Hangfire_dashboard_and_its_stats_polling_pass_the_token_rule()
    {
        const string token = "browser-token-77c1";
        await using var server = await ServerDashboard.StartAsync(token);
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = server.Server.BaseUri.ToString() });
        try
        {
            (await page.GotoAsync("jobs"))!.Status.ShouldBe(401);
            var stats = page.WaitForResponseAsync(r => r.Url.Contains("/jobs/stats"), new() { Timeout = 20_000 });
            (await page.GotoAsync($"jobs?token={token}"))!.Status.ShouldBe(200);
            (await stats).Status.ShouldBe(200); // Hangfire's own POST, with the cookie and its antiforgery header
            var next = page.WaitForResponseAsync(r => r.Url.Contains("/jobs/stats"), new() { Timeout = 20_000 });
            (await next).Status.ShouldBe(200); // and it keeps polling
            (await page.ContentAsync()).ShouldNotContain(token);
            (await page.ContentAsync()).ShouldNotContain(ServerDashboard.DbPassword);
        }
        finally { await page.CloseAsync(); }
    }

    /// <summary>A video saved a moment ago, so the throughput chart has one job in the current minute.</summary>
    private static async Task SeedDownloadedJobAsync(IRunStore store)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await store.CreateRunAsync(new RunRecord { Id = "run-done", Kind = RunKind.Run, OutputRoot = "/tmp", CreatedAt = now, UpdatedAt = now, Status = RunStatus.Completed },
        [
            new JobRecord
            {
                Id = "job-done", RunId = "run-done", Stage = StageKind.Video, ModelKey = "ltx", EndpointId = "fal-ai/ltx", InputKey = "look@5s",
                State = JobState.Downloaded, CreatedAt = now, UpdatedAt = now, CompletedAt = now,
            },
        ]);
    }
}
