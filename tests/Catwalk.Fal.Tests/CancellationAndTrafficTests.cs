using Xunit.Abstractions;

namespace Catwalk.Fal.Tests;

public class CancellationAndTrafficTests(ITestOutputHelper output)
{
    private const string Pika = "fal-ai/pika/v2.2/image-to-video";

    [Fact]
    public async Task Giving_up_on_a_queued_job_cancels_it_at_fal_so_it_never_runs()
    {
        await using var h = await FalHarness.StartAsync(gpus: 1, latencyScale: 0.2);
        var image = await h.UploadImageAsync();
        await h.Client.SubmitAsync(Pika, new() { ["prompt"] = "walk", ["image_url"] = image }); // holds the only GPU
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        string? requestId = null;
        Exception? caught = null;
        try
        {
            await h.Client.SubscribeAsync(Pika, new() { ["prompt"] = "walk", ["image_url"] = image },
                new FalWaitOptions { OnSubmitted = (s, _) => { requestId = s.Request.RequestId; return ValueTask.CompletedTask; } }, ctrlC.Token);
        }
        catch (Exception e) { caught = e; }
        caught.ShouldBeAssignableTo<OperationCanceledException>();
        h.Emulator.GetStats().Endpoints[Pika].Cancels.ShouldBe(1);
        (await h.Client.GetStatusAsync(new FalRequestHandle(Pika, requestId!))).State.ShouldBe(FalQueueState.Completed);
        await Should.ThrowAsync<FalRequestFailedException>(() => h.Client.GetResultAsync(new FalRequestHandle(Pika, requestId!)));
    }

    [Fact]
    public async Task Status_requests_per_job_streaming_versus_polling()
    {
        // fal's default poll interval (0.5 s, backing off ×1.5 to 5 s) against a job of about 2.5 s.
        await using var h = await FalHarness.StartAsync(latencyScale: 0.05, pollInterval: TimeSpan.FromMilliseconds(500));
        var image = await h.UploadImageAsync();
        const int jobs = 4;
        for (var i = 0; i < jobs; i++) await h.Client.SubscribeAsync(Pika, new() { ["prompt"] = $"walk {i}", ["image_url"] = image });
        var streamed = h.Emulator.GetStats().Endpoints[Pika];
        for (var i = 0; i < jobs; i++) await h.Client.SubscribeAsync(Pika, new() { ["prompt"] = $"walk {i}", ["image_url"] = image }, new FalWaitOptions { UseStreaming = false });
        var all = h.Emulator.GetStats().Endpoints[Pika];
        var streaming = (double)(streamed.StreamCalls + streamed.StatusCalls) / jobs;
        var polling = (double)(all.StatusCalls - streamed.StatusCalls) / jobs;
        output.WriteLine($"status requests per job: streaming {streaming:0.0}, polling {polling:0.0}");
        streaming.ShouldBeLessThanOrEqualTo(2);
        polling.ShouldBeGreaterThan(streaming);
    }
}
