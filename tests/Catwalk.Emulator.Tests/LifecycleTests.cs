using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Disposing_while_a_client_listens_to_a_status_stream_is_prompt_and_ends_the_stream()
    {
        using var dir = new TempDirectory("catwalk-emu-");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 1, CacheDirectory = dir.File("cache") }, ModelCatalog.BuiltIn);
        using var http = new HttpClient();
        var image = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png());
        using var submit = await http.PostAsJsonAsync(new Uri(emulator.BaseUri, "fal-ai/pika/v2.2/image-to-video"), new { prompt = "walk", image_url = image });
        var body = (await submit.Content.ReadFromJsonAsync<JsonObject>())!;
        using var stream = await http.GetStreamAsync(body["status_url"]!.GetValue<string>() + "/stream");
        using var reader = new StreamReader(stream);
        (await reader.ReadLineAsync())!.ShouldStartWith("data: "); // the job runs for ~50 s at this latency

        var clock = Stopwatch.StartNew();
        await emulator.DisposeAsync();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        var drained = DrainAsync(reader);
        (await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(3)))).ShouldBe(drained, "the stream must end, not hang");
    }

    [Fact]
    public async Task Many_concurrent_jobs_on_two_gpus_never_run_more_than_two_at_once_and_all_complete()
    {
        await using var e = await EmulatorClient.StartAsync(gpus: 2, latencyScale: 0.005);
        var image = await e.UploadAsync(TestImages.Png());
        var submitted = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" })));
        submitted.ShouldAllBe(s => s.Status == 200);
        submitted.Max(s => s.Body["queue_position"]!.GetValue<int>()).ShouldBeGreaterThanOrEqualTo(2); // the line grows with load

        while (true)
        {
            var states = await Task.WhenAll(submitted.Select(async s =>
                (await e.Http.GetFromJsonAsync<JsonObject>(s.Body["status_url"]!.GetValue<string>()))!["status"]!.GetValue<string>()));
            if (states.All(st => st == "COMPLETED")) break;
            await Task.Delay(10);
        }
        // How many ran at once, from when each really started and ended (fal's request history): ten status reads are
        // not one instant, so counting IN_PROGRESS answers could see three on a loaded machine.
        var history = (await e.Http.GetFromJsonAsync<JsonObject>(new Uri(e.Emulator.BaseUri, "v1/models/requests/by-endpoint?endpoint_id=xai/grok-imagine-video/image-to-video&limit=100")))!;
        var runs = history["items"]!.AsArray().Select(i => (Start: DateTimeOffset.Parse(i!["started_at"]!.GetValue<string>()), End: DateTimeOffset.Parse(i["ended_at"]!.GetValue<string>()))).ToList();
        runs.Count.ShouldBe(10);
        var mostRunning = runs.Max(r => runs.Count(o => o.Start <= r.Start && r.Start < o.End));
        mostRunning.ShouldBeInRange(1, 2);
        (await Task.WhenAll(submitted.Select(s => e.WaitForResultAsync(s.Body)))).ShouldAllBe(r => r["video"] != null);
        e.Emulator.GetStats().Endpoints["xai/grok-imagine-video/image-to-video"].Submissions.ShouldBe(10);
    }

    /// <summary>Reads until the stream ends, closed or reset: either is an end.</summary>
    private static async Task DrainAsync(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync() is not null) { } }
        catch (IOException) { }
        catch (HttpRequestException) { }
    }
}
