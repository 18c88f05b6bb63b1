using System.Diagnostics;
using System.Net.Http.Json;
using Catwalk.Store;
using Catwalk.Testing;
using Hangfire;

namespace Catwalk.Workers.Tests;

public class CatwalkWorkerTests
{
    /// <summary>
    /// The trap of a shared per-endpoint limit: a dead worker's job still at fal holds the endpoint's only slot, and
    /// the live worker's threads all wait for that endpoint — while the dead one's job, which only a free thread can
    /// collect, waits in the queue behind them. Waiting threads must give their job back to the queue.
    /// </summary>
    [PostgresFact]
    public async Task Jobs_waiting_on_a_full_endpoint_give_their_thread_back_so_a_dead_workers_job_gets_collected()
    {
        await using var h = await WorkersHarness.StartAsync("postgres", workers: 1, slotTimeToLive: TimeSpan.FromSeconds(2), endpointWait: TimeSpan.FromSeconds(1));
        var spec = h.Batch(4, ["pika"], videoOnly: true) with { PerEndpointConcurrency = 1 };
        var run = await h.StoreRunAsync(spec);
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        // The last look's job was sent by a worker that then died: at fal with its request id, its slot left to expire.
        var orphan = jobs.Single(j => j.LookId == spec.Looks[^1].Id);
        await h.Runs.TryTakeSlotAsync(new SlotRequest { JobId = orphan.Id, RunId = run.Id, EndpointId = orphan.EndpointId, Owner = "dead", EndpointLimit = 1, TimeToLive = TimeSpan.FromSeconds(1) });
        await h.Runs.MoveAsync(orphan.Id, JobState.Submitting);
        var requestId = await SubmitAsync(h, orphan.EndpointId, spec.Looks[^1].StartImage!);
        await h.Runs.MoveAsync(orphan.Id, JobState.Submitted, new JobUpdate { RequestId = requestId });

        var storage = HangfireStorageFactory.Create(h.Store.Db, TimeSpan.FromSeconds(2));
        new RunEnqueuer(new BackgroundJobClient(storage)).Enqueue(run, jobs).ShouldBe(4);
        await using var worker = CatwalkWorker.Start(h.Services(0), storage, concurrency: 2);

        var clock = Stopwatch.StartNew();
        while ((await h.Runs.GetJobsAsync(run.Id)).Any(j => j.State != JobState.Downloaded) && clock.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(200);
        var done = await h.Runs.GetJobsAsync(run.Id);
        done.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", done.Select(j => $"{j.LookId} {j.State} {j.Error}")));
        done.Single(j => j.Id == orphan.Id).RequestId.ShouldBe(requestId);
        h.TotalSubmissions.ShouldBe(4, "the orphan was collected by its request id, not sent again");
        storage.GetMonitoringApi().FailedCount().ShouldBe(0);
    }

    /// <summary>
    /// A worker died between sending a job and recording fal's answer: the job is left "submitting" with its exact
    /// arguments. The worker that takes it over finds it in fal's request history and collects it: nothing sent twice.
    /// </summary>
    [PostgresFact]
    public async Task A_job_a_dead_worker_left_mid_send_is_found_in_fals_history_and_collected_not_resent()
    {
        await using var h = await WorkersHarness.StartAsync("postgres", workers: 1, slotTimeToLive: TimeSpan.FromSeconds(2));
        var spec = h.Batch(2, ["pika"], videoOnly: true);
        var run = await h.StoreRunAsync(spec);
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        var orphan = jobs.Single(j => j.LookId == spec.Looks[^1].Id);
        await h.Runs.TryTakeSlotAsync(new SlotRequest { JobId = orphan.Id, RunId = run.Id, EndpointId = orphan.EndpointId, Owner = "dead", EndpointLimit = 2, TimeToLive = TimeSpan.FromSeconds(1) });
        var sentAt = DateTimeOffset.UtcNow;
        var (requestId, arguments) = await SubmitWithArgumentsAsync(h, orphan.EndpointId, spec.Looks[^1].StartImage!);
        await h.Runs.MoveAsync(orphan.Id, JobState.Submitting, new JobUpdate { ArgumentsJson = arguments, SendStartedAt = sentAt.ToUnixTimeMilliseconds(), StartDeadlineSec = 1800 });

        var storage = HangfireStorageFactory.Create(h.Store.Db, TimeSpan.FromSeconds(2));
        new RunEnqueuer(new BackgroundJobClient(storage)).Enqueue(run, jobs).ShouldBe(2);
        await using var worker = CatwalkWorker.Start(h.Services(0), storage, concurrency: 2);

        var clock = Stopwatch.StartNew();
        while ((await h.Runs.GetJobsAsync(run.Id)).Any(j => !JobStateMachine.IsTerminal(j.State)) && clock.Elapsed < TimeSpan.FromSeconds(90)) await Task.Delay(200);
        var done = await h.Runs.GetJobsAsync(run.Id);
        done.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", done.Select(j => $"{j.LookId} {j.State} {j.Error}")));
        done.Single(j => j.Id == orphan.Id).RequestId.ShouldBe(requestId);
        h.TotalSubmissions.ShouldBe(2, "the orphan was adopted from fal's history, not sent again");
    }

    private static async Task<(string RequestId, string Arguments)> SubmitWithArgumentsAsync(WorkersHarness h, string endpoint, string image)
    {
        using var http = new HttpClient();
        var upload = await (await http.PostAsJsonAsync(new Uri(h.Emulator.BaseUri, "storage/upload/initiate"), new { content_type = "image/png", file_name = "start.png" })).Content.ReadFromJsonAsync<Dictionary<string, string>>();
        (await http.PutAsync(upload!["upload_url"], new ByteArrayContent(await File.ReadAllBytesAsync(image)))).EnsureSuccessStatusCode();
        var arguments = new System.Text.Json.Nodes.JsonObject { ["prompt"] = "walks", ["image_url"] = upload["file_url"], ["duration"] = 5 };
        var submitted = await (await http.PostAsync(new Uri(h.Emulator.BaseUri, endpoint), new StringContent(arguments.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<Dictionary<string, object>>();
        return (submitted!["request_id"].ToString()!, arguments.ToJsonString());
    }

    /// <summary>Sends a job to the emulator the way a worker that then died would have.</summary>
    private static async Task<string> SubmitAsync(WorkersHarness h, string endpoint, string image)
    {
        using var http = new HttpClient();
        var upload = await (await http.PostAsJsonAsync(new Uri(h.Emulator.BaseUri, "storage/upload/initiate"), new { content_type = "image/png", file_name = "start.png" })).Content.ReadFromJsonAsync<Dictionary<string, string>>();
        (await http.PutAsync(upload!["upload_url"], new ByteArrayContent(await File.ReadAllBytesAsync(image)))).EnsureSuccessStatusCode();
        var submitted = await (await http.PostAsJsonAsync(new Uri(h.Emulator.BaseUri, endpoint), new { prompt = "walks", image_url = upload["file_url"] })).Content.ReadFromJsonAsync<Dictionary<string, object>>();
        return submitted!["request_id"].ToString()!;
    }
}
