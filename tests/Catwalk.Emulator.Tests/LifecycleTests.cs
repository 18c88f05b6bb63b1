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

    /// <summary>Reads until the stream ends, closed or reset: either is an end.</summary>
    private static async Task DrainAsync(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync() is not null) { } }
        catch (IOException) { }
        catch (HttpRequestException) { }
    }
}
