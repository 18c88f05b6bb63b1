using System.Diagnostics;
using System.Net.Http.Json;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

public class SignalTests
{
    [Fact]
    public async Task Sigterm_stops_waiting_cancels_the_queued_job_at_fal_and_names_it()
    {
        await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { GpusPerEndpoint = 1, LatencyScale = 0.5 }, ModelCatalog.BuiltIn);
        using var dir = new TempDirectory();
        TestImages.WritePng(dir.File("look.png"));
        using var http = new HttpClient();
        // Someone else's long pika job holds pika's only GPU, so Catwalk's pika job waits in the queue.
        var busy = TestImages.Png();
        var upload = await (await http.PostAsJsonAsync(new Uri(emulator.BaseUri, "storage/upload/initiate"), new { content_type = "image/png", file_name = "b.png" })).Content.ReadFromJsonAsync<Dictionary<string, string>>();
        await http.PutAsync(upload!["upload_url"], new ByteArrayContent(busy));
        await http.PostAsJsonAsync(new Uri(emulator.BaseUri, "fal-ai/pika/v2.2/image-to-video"), new { prompt = "busy", image_url = upload["file_url"] });

        var env = new Dictionary<string, string> { ["CATWALK_FAL_QUEUE_URL"] = emulator.BaseUri.ToString(), ["CATWALK_FAL_STORAGE_URL"] = emulator.BaseUri.ToString() };
        var result = await CliRunner.RunAsync(dir.Path, env, async pid =>
        {
            var deadline = Stopwatch.StartNew();
            while (emulator.GetStats().Endpoints["fal-ai/pika/v2.2/image-to-video"].Submissions < 2 && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(100);
            await Task.Delay(300);
            using var kill = Process.Start("kill", ["-TERM", pid.ToString()]);
            await kill!.WaitForExitAsync();
        }, "video", "--image", "look.png", "--models", "pika");

        result.ExitCode.ShouldBe(130, result.ToString());
        result.Output.ShouldContain("cancelled");
        result.HasStackTrace.ShouldBeFalse(result.ToString());
        emulator.GetStats().Endpoints["fal-ai/pika/v2.2/image-to-video"].Cancels.ShouldBe(1);
    }
}
