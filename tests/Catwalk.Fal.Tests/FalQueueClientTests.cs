using System.Text.Json.Nodes;

namespace Catwalk.Fal.Tests;

public class FalQueueClientTests
{
    [Fact]
    public async Task Subscribe_submits_to_the_full_endpoint_and_reads_status_and_result_at_owner_app_only()
    {
        await using var h = await FalHarness.StartAsync();
        var image = await h.UploadImageAsync();
        const string endpoint = "fal-ai/bytedance/seedance/v1.5/pro/image-to-video";
        var result = await h.Client.SubscribeAsync(endpoint, new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = "4" });

        result.Data.GetProperty("video").GetProperty("url").GetString().ShouldStartWith(h.Emulator.BaseUri.ToString());
        result.Data.TryGetProperty("seed", out _).ShouldBeTrue();
        var calls = h.Recorder.Requests.Where(r => r.Url.AbsolutePath.Contains(result.Request.RequestId)).ToList();
        calls.ShouldNotBeEmpty();
        calls.ShouldAllBe(r => r.Url.AbsolutePath.StartsWith($"/fal-ai/bytedance/requests/{result.Request.RequestId}"));
        h.Recorder.Requests.ShouldContain(r => r.Method == HttpMethod.Post && r.Url.AbsolutePath == $"/{endpoint}");
        h.Emulator.GetStats().Endpoints[endpoint].Results.ShouldBe(1);
    }

    [Fact]
    public async Task Streaming_needs_one_stream_and_no_polls_while_polling_works_without_it()
    {
        await using var h = await FalHarness.StartAsync(latencyScale: 0.01);
        var image = await h.UploadImageAsync();
        await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image));
        var streamed = h.Emulator.GetStats().Endpoints["fal-ai/veo3/image-to-video"];
        (streamed.StreamCalls, streamed.StatusCalls).ShouldBe((1, 0));

        await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image), new FalWaitOptions { UseStreaming = false });
        var polled = h.Emulator.GetStats().Endpoints["fal-ai/veo3/image-to-video"];
        polled.StreamCalls.ShouldBe(1);
        polled.StatusCalls.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_request_id_is_handed_over_before_any_waiting_and_progress_carries_queue_and_logs()
    {
        await using var h = await FalHarness.StartAsync(latencyScale: 0.01);
        var image = await h.UploadImageAsync();
        var seen = new List<FalQueueStatus>();
        string? handedOver = null;
        var requestsAtHandover = -1;
        var result = await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image), new FalWaitOptions
        {
            OnSubmitted = (s, _) => { handedOver = s.Request.RequestId; requestsAtHandover = h.Recorder.Requests.Count(r => r.Url.AbsolutePath.Contains(s.Request.RequestId)); return ValueTask.CompletedTask; },
            Progress = new SyncProgress<FalQueueStatus>(seen.Add),
        });
        handedOver.ShouldBe(result.Request.RequestId);
        requestsAtHandover.ShouldBe(0);
        seen.Last().State.ShouldBe(FalQueueState.Completed);
        seen.SelectMany(s => s.Logs).ShouldNotBeEmpty();
        result.Timings.Total.ShouldBeGreaterThanOrEqualTo(result.Timings.Inference);
        result.Timings.Inference.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_bad_input_is_queued_as_on_fal_and_its_result_is_a_validation_error_naming_the_field()
    {
        await using var h = await FalHarness.StartAsync();
        var image = await h.UploadImageAsync();
        var submitted = await h.Client.SubmitAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image, duration: "7s"));
        submitted.Request.RequestId.ShouldNotBeNullOrEmpty();
        h.Emulator.GetStats().Endpoints["fal-ai/veo3/image-to-video"].Submissions.ShouldBe(1);

        var error = await Should.ThrowAsync<FalValidationException>(() => h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image, duration: "7s")));
        error.Errors.ShouldHaveSingleItem().Field.ShouldBe("duration");
        error.Message.ShouldContain("fal rejected the input of fal-ai/veo3/image-to-video: duration:");
        error.RequestId.ShouldNotBeNullOrEmpty();
        error.Retryable.ShouldBe(false);
    }

    [Fact]
    public async Task A_missing_field_and_an_unreachable_image_are_named_by_the_result_too()
    {
        await using var h = await FalHarness.StartAsync();
        var missing = await Should.ThrowAsync<FalValidationException>(() => h.Client.SubscribeAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk" }));
        missing.Errors.ShouldContain(e => e.Field == "start_image_url" && e.Type == "missing");
        var outside = await Should.ThrowAsync<FalValidationException>(() => h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input("https://example.invalid/x.png")));
        outside.Errors.ShouldHaveSingleItem().Type.ShouldBe("file_download_error");
    }

    [Fact]
    public async Task Cancel_removes_a_queued_job_and_reports_finished_and_unknown_ones()
    {
        await using var h = await FalHarness.StartAsync(gpus: 1, latencyScale: 0.2);
        var image = await h.UploadImageAsync();
        var running = await h.Client.SubmitAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image));
        var queued = await h.Client.SubmitAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image));
        (await h.Client.GetStatusAsync(queued.Request)).State.ShouldBe(FalQueueState.InQueue);

        (await h.Client.CancelAsync(queued.Request)).ShouldBe(FalCancelOutcome.CancellationRequested);
        (await h.Client.GetStatusAsync(queued.Request)).State.ShouldBe(FalQueueState.Completed);
        await Should.ThrowAsync<FalRequestFailedException>(() => h.Client.GetResultAsync(queued.Request));
        (await h.Client.CancelAsync(queued.Request)).ShouldBe(FalCancelOutcome.AlreadyCompleted);
        (await h.Client.CancelAsync(running.Request with { RequestId = Guid.NewGuid().ToString() })).ShouldBe(FalCancelOutcome.NotFound);
    }

    [Fact]
    public async Task A_job_that_outlives_its_timeout_is_cancelled_at_fal_while_still_queued()
    {
        await using var h = await FalHarness.StartAsync(gpus: 1, latencyScale: 0.2);
        var image = await h.UploadImageAsync();
        await h.Client.SubmitAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image)); // holds the only GPU
        var error = await Should.ThrowAsync<FalTimeoutException>(() =>
            h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image), new FalWaitOptions { Timeout = TimeSpan.FromMilliseconds(400) }));
        error.CancelledAtFal.ShouldBeTrue();
        error.RequestId.ShouldNotBeNull();
        h.Emulator.GetStats().Endpoints["fal-ai/veo3/image-to-video"].Cancels.ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_key_is_an_authentication_error_and_the_key_appears_in_no_message_or_log()
    {
        const string secret = "sk-live-0123456789abcdef";
        await using var h = await FalHarness.StartAsync(requiredKey: "the-right-key", clientKey: $"id:{secret}");
        var error = await Should.ThrowAsync<FalAuthenticationException>(() => h.Client.SubmitAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input("https://x/y.png")));
        error.Message.ShouldContain("FAL_KEY");
        error.ToString().ShouldNotContain(secret);
        h.Logs.ToString().ShouldNotContain(secret);
        h.Recorder.Requests.ShouldContain(r => r.Authorized);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) { lock (report) report(value); }
    }
}
