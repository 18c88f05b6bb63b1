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

        var mostRunning = 0;
        while (true)
        {
            var states = await Task.WhenAll(submitted.Select(async s =>
                (await e.Http.GetFromJsonAsync<JsonObject>(s.Body["status_url"]!.GetValue<string>()))!["status"]!.GetValue<string>()));
            mostRunning = Math.Max(mostRunning, states.Count(st => st == "IN_PROGRESS"));
            if (states.All(st => st == "COMPLETED")) break;
            await Task.Delay(10);
        }
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
