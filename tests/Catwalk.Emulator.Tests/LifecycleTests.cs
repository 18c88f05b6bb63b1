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
    public async Task Many_jobs_on_two_gpus_queue_in_order_and_all_complete()
    {
        await using var e = await EmulatorClient.StartAsync(gpus: 2, latencyScale: 0.005);
        var image = await e.UploadAsync(TestImages.Png());
        var positions = new List<int>();
        var jobs = new List<JsonObject>();
        for (var i = 0; i < 10; i++)
        {
            var (status, job) = await e.SubmitAsync("xai/grok-imagine-video/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 1, ["resolution"] = "480p" });
            status.ShouldBe(200);
            positions.Add(job["queue_position"]!.GetValue<int>());
            jobs.Add(job);
        }
        positions.ShouldBe(positions.Order().ToList()); // later submissions never jump ahead
        positions[^1].ShouldBeGreaterThan(0);
        var results = await Task.WhenAll(jobs.Select(e.WaitForResultAsync));
        results.ShouldAllBe(r => r["video"] != null);
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
