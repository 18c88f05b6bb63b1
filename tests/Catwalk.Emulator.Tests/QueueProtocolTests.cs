using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class QueueProtocolTests
{
    [Fact]
    public async Task Submit_answers_like_fal_with_owner_app_urls_and_status_is_202_then_200()
    {
        await using var e = await EmulatorClient.StartAsync(latencyScale: 0.01);
        var image = await e.UploadAsync(TestImages.Png());
        var (status, body) = await e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 2 });
        status.ShouldBe(200);
        body["status"]!.GetValue<string>().ShouldBe("IN_QUEUE");
        var id = body["request_id"]!.GetValue<string>();
        body["status_url"]!.GetValue<string>().ShouldBe(e.Url($"xai/grok-imagine-video/requests/{id}/status").ToString());
        body["response_url"]!.GetValue<string>().ShouldBe(e.Url($"xai/grok-imagine-video/requests/{id}").ToString());
        body["cancel_url"]!.GetValue<string>().ShouldBe(e.Url($"xai/grok-imagine-video/requests/{id}/cancel").ToString());

        using var early = await e.Http.GetAsync(body["status_url"]!.GetValue<string>());
        early.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var result = await e.WaitForResultAsync(body);
        using var done = await e.Http.GetAsync(body["status_url"]!.GetValue<string>() + "?logs=1");
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var final = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        final["metrics"]!["inference_time"]!.GetValue<double>().ShouldBeGreaterThan(0);
        final["logs"]!.AsArray().ShouldNotBeEmpty();
        result["video"]!["content_type"]!.GetValue<string>().ShouldBe("video/mp4");
    }

    [Fact]
    public async Task The_full_endpoint_path_is_not_a_status_url()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var (_, body) = await e.SubmitAsync("fal-ai/veo3/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = "4s" });
        using var wrong = await e.Http.GetAsync(e.Url($"fal-ai/veo3/image-to-video/requests/{body["request_id"]}/status"));
        wrong.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        wrong.StatusCode.ShouldNotBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Queue_positions_grow_with_load_on_one_gpu_and_cancelling_a_queued_job_moves_the_rest_up()
    {
        // Full latency (~50 s a job): the first job must still hold the one GPU while a busy machine submits and asks.
        await using var e = await EmulatorClient.StartAsync(gpus: 1, latencyScale: 1);
        var image = await e.UploadAsync(TestImages.Png());
        var jobs = new List<JsonObject>();
        for (var i = 0; i < 3; i++) jobs.Add((await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image })).Body);
        async Task<int?> Position(JsonObject job) => (await e.Http.GetFromJsonAsync<JsonObject>(job["status_url"]!.GetValue<string>()))!["queue_position"]?.GetValue<int>();
        (await Position(jobs[2])).ShouldBe(2);
        using var cancel = await e.Http.PutAsync(jobs[1]["cancel_url"]!.GetValue<string>(), null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await cancel.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("CANCELLATION_REQUESTED");
        (await Position(jobs[2])).ShouldBe(1);
        using var result = await e.Http.GetAsync(jobs[1]["response_url"]!.GetValue<string>());
        result.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await e.Http.GetFromJsonAsync<JsonObject>(jobs[1]["status_url"]!.GetValue<string>()))!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Cancelling_a_running_job_is_only_a_request_and_the_job_finishes()
    {
        await using var e = await EmulatorClient.StartAsync(latencyScale: 0.02);
        var image = await e.UploadAsync(TestImages.Png());
        var (_, job) = await e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" });
        while ((await e.Http.GetFromJsonAsync<JsonObject>(job["status_url"]!.GetValue<string>()))!["status"]!.GetValue<string>() == "IN_QUEUE") await Task.Delay(10);
        using var cancel = await e.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await cancel.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("CANCELLATION_REQUESTED");
        (await e.WaitForResultAsync(job))["video"].ShouldNotBeNull(); // fal leaves stopping to the app; ours runs on
    }

    [Fact]
    public async Task The_status_stream_sends_each_state_keep_alives_and_closes_after_completed()
    {
        await using var e = await EmulatorClient.StartAsync(latencyScale: 0.05, keepAlive: TimeSpan.FromMilliseconds(100));
        var image = await e.UploadAsync(TestImages.Png());
        var (_, body) = await e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" });
        var text = await e.Http.GetStringAsync(body["status_url"]!.GetValue<string>() + "/stream?logs=1");
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var states = events.Where(l => l.StartsWith("data: ")).Select(l => EmulatorClient.Parse(l[6..])["status"]!.GetValue<string>()).Distinct().ToList();
        states.ShouldBe(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
        events.ShouldContain(l => l.StartsWith(": keep-alive"));
        events.Last().ShouldStartWith("data: ");
        e.Emulator.GetStats().Endpoints["xai/grok-imagine-video/image-to-video"].StreamCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_a_finished_or_unknown_request_says_so()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var (_, body) = await e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" });
        await e.WaitForResultAsync(body);
        using var late = await e.Http.PutAsync(body["cancel_url"]!.GetValue<string>(), null);
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).ShouldContain("ALREADY_COMPLETED");
        using var unknown = await e.Http.PutAsync(e.Url($"fal-ai/pika/requests/{Guid.NewGuid()}/cancel"), null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_required_key_is_enforced_on_queue_calls_but_not_on_files()
    {
        await using var e = await EmulatorClient.StartAsync(key: "abc:123");
        using var none = await e.Http.PostAsJsonAsync(e.Url("fal-ai/veo3/image-to-video"), new { prompt = "x" });
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, e.Url("storage/upload/initiate")) { Content = JsonContent.Create(new { content_type = "image/png" }) };
        wrong.Headers.TryAddWithoutValidation("Authorization", "Key abc:999");
        (await e.Http.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        e.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key abc:123");
        var image = await e.UploadAsync(TestImages.Png());
        e.Http.DefaultRequestHeaders.Remove("Authorization");
        (await e.Http.GetAsync(image)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
