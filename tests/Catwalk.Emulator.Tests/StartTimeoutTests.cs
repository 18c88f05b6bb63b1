using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

/// <summary><c>x-fal-request-timeout</c>: a deadline to START (queue wait included), never a cap on a running job.</summary>
public class StartTimeoutTests
{
    private const string Grok = "xai/grok-imagine-video/image-to-video";

    private static async Task<JsonObject> SubmitAsync(EmulatorClient e, string image, string? timeoutSeconds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, e.Url(Grok))
        {
            Content = JsonContent.Create(new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" }),
        };
        if (timeoutSeconds is not null) request.Headers.Add("x-fal-request-timeout", timeoutSeconds);
        using var response = await e.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK); // the deadline is judged later, in the queue
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_job_still_queued_at_its_deadline_completes_with_a_user_timeout_504()
    {
        await using var e = await EmulatorClient.StartAsync(gpus: 1, latencyScale: 0.05); // grok runs ~1.9 s here
        var image = await e.UploadAsync(TestImages.Png());
        var running = await SubmitAsync(e, image, null);
        var starved = await SubmitAsync(e, image, "0.5");
        var patient = await SubmitAsync(e, image, "60");

        await Task.Delay(1000);
        using var status = await e.Http.GetAsync(starved["status_url"]!.GetValue<string>());
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await status.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        using var result = await e.Http.GetAsync(starved["response_url"]!.GetValue<string>());
        result.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        result.Headers.GetValues("X-Fal-Request-Timeout-Type").ShouldBe(["user"]);
        (await result.Content.ReadFromJsonAsync<JsonObject>())!["error_type"]!.GetValue<string>().ShouldBe("request_timeout");

        (await e.WaitForResultAsync(running))["video"].ShouldNotBeNull();
        (await e.WaitForResultAsync(patient))["video"].ShouldNotBeNull(); // a timed-out job frees its place in line
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_job_runs_does_not_cut_it_short()
    {
        // grok here: ~0.3 s queued, then ~3.5 s running. The deadline leaves the start a second of slack (a loaded
        // machine fires timers late) and still passes two seconds before the job ends.
        await using var e = await EmulatorClient.StartAsync(latencyScale: 0.1);
        var job = await SubmitAsync(e, await e.UploadAsync(TestImages.Png()), "1.5");
        (await e.WaitForResultAsync(job))["video"].ShouldNotBeNull();
    }
}
