using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>Queue behaviour the emulator does not produce: headers on the wire, long Retry-After, user timeouts, silent streams, lagging results.</summary>
public class ScriptedQueueTests
{
    private const string Veo3 = "fal-ai/veo3/image-to-video";
    private static readonly JsonObject Input = new() { ["prompt"] = "walk" };

    private static Task Json(HttpContext context, int status, object body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        return context.Response.WriteAsJsonAsync(body);
    }

    private static object Status(string state, object? logs = null, double? inference = null) =>
        new { status = state, request_id = "r1", queue_position = state == "IN_QUEUE" ? 1 : (int?)null, logs, metrics = inference is null ? null : new { inference_time = inference } };

    [Fact]
    public async Task Submit_carries_fals_headers_and_the_key_while_status_result_and_cancel_use_owner_app_only()
    {
        await using var fal = await ScriptedFal.StartAsync(context => context.Request.Path.Value switch
        {
            "/" + Veo3 => Json(context, 200, new { request_id = "r1", status = "IN_QUEUE", queue_position = 2 }),
            "/fal-ai/veo3/requests/r1/status" => Json(context, 200, Status("COMPLETED")),
            "/fal-ai/veo3/requests/r1" => Json(context, 200, new { video = new { url = "https://v3.fal.media/files/x.mp4" } }),
            "/fal-ai/veo3/requests/r1/cancel" => Json(context, 400, new { status = "ALREADY_COMPLETED" }),
            _ => Json(context, 404, new { detail = "no route" }),
        }, key: "k-live-1");

        var submission = await fal.Client.SubmitAsync(Veo3, Input);
        submission.QueuePosition.ShouldBe(2);
        (await fal.Client.GetStatusAsync(submission.Request, includeLogs: true)).State.ShouldBe(FalQueueState.Completed);
        (await fal.Client.GetResultAsync(submission.Request)).Data.GetProperty("video").GetProperty("url").GetString().ShouldEndWith("x.mp4");
        (await fal.Client.CancelAsync(submission.Request)).ShouldBe(FalCancelOutcome.AlreadyCompleted);

        var seen = fal.Server.Requests.ToList();
        seen.Select(r => $"{r.Method} {r.PathAndQuery}").ShouldBe([
            $"POST /{Veo3}", "GET /fal-ai/veo3/requests/r1/status?logs=1", "GET /fal-ai/veo3/requests/r1", "PUT /fal-ai/veo3/requests/r1/cancel"]);
        var submit = seen[0];
        submit.Header("x-fal-queue-priority").ShouldBe("normal");
        submit.Header("Accept").ShouldBe("application/json");
        submit.Header("Content-Type")!.ShouldStartWith("application/json");
        submit.Header("User-Agent")!.ShouldStartWith("catwalk/");
        seen.ShouldAllBe(r => r.Header("Authorization") == "Key k-live-1");
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_but_a_long_one_is_reported_not_slept_through()
    {
        var calls = 0;
        await using var fal = await ScriptedFal.StartAsync(context => Interlocked.Increment(ref calls) switch
        {
            1 => Json(context, 429, new { detail = "slow down" }, ("Retry-After", "1")),
            2 => Json(context, 202, Status("IN_PROGRESS")),
            _ => Json(context, 429, new { detail = "slow down" }, ("Retry-After", "120")),
        });
        var request = new FalRequestHandle(Veo3, "r1");
        var clock = Stopwatch.StartNew();
        (await fal.Client.GetStatusAsync(request)).State.ShouldBe(FalQueueState.InProgress);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9));

        var error = await Should.ThrowAsync<FalRateLimitedException>(() => fal.Client.GetStatusAsync(request));
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        error.Message.ShouldContain("retry after 120 s");
        calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_user_start_timeout_504_is_typed_and_the_submit_is_not_repeated()
    {
        await using var fal = await ScriptedFal.StartAsync(context => Json(context, 504, new { detail = "Request timed out", error_type = "request_timeout" },
            ("X-Fal-Request-Timeout-Type", "user"), ("X-Fal-Error-Type", "request_timeout"), ("x-fal-request-id", "r9")));
        var error = await Should.ThrowAsync<FalServerException>(() => fal.Client.SubmitAsync(Veo3, Input));
        (error.TimeoutType, error.ErrorType, error.RequestId, error.StatusCode).ShouldBe(("user", "request_timeout", "r9", (int?)504));
        error.Message.ShouldContain("start timeout");
        fal.Server.Count("POST", "/").ShouldBe(1);
    }

    [Fact]
    public async Task A_silent_status_stream_is_abandoned_for_polling()
    {
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/fal-ai/veo3/requests/r1/status/stream":
                    context.Response.ContentType = "text/event-stream";
                    await context.Response.WriteAsync($"data: {System.Text.Json.JsonSerializer.Serialize(Status("IN_QUEUE"))}\n\n");
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                    break;
                case "/fal-ai/veo3/requests/r1/status": await Json(context, 200, Status("COMPLETED")); break;
                default: await Json(context, 200, new { ok = true }); break;
            }
        }, configure: o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300));
        var states = new List<FalQueueState>();
        var result = await fal.Client.WaitForResultAsync(new FalSubmission(new FalRequestHandle(Veo3, "r1"), 1, DateTimeOffset.UtcNow),
            new FalWaitOptions { Progress = new Inline<FalQueueStatus>(s => states.Add(s.State)) });
        result.Data.GetProperty("ok").GetBoolean().ShouldBeTrue();
        states.ShouldBe([FalQueueState.InQueue, FalQueueState.Completed]);
        fal.Server.Count("GET", "/fal-ai/veo3/requests/r1/status/stream").ShouldBe(1);
    }

    [Fact]
    public async Task Streamed_log_lines_reach_progress_cumulatively_and_fals_inference_time_sets_the_split()
    {
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/stream")) { await Json(context, 200, new { ok = true }); return; }
            context.Response.ContentType = "text/event-stream";
            // Each event carries only its new line, as fal's stream may; keep-alive comments in between.
            await context.Response.WriteAsync(
                $"data: {System.Text.Json.JsonSerializer.Serialize(Status("IN_PROGRESS", new[] { new { message = "step 1", level = "INFO", timestamp = "2026-11-25T01:02:03Z" } }))}\n\n" +
                ": keep-alive\n\n" +
                $"data: {System.Text.Json.JsonSerializer.Serialize(Status("IN_PROGRESS", new[] { new { message = "step 2", level = "INFO", timestamp = "2026-11-25T01:02:04Z" } }))}\n\n" +
                $"data: {System.Text.Json.JsonSerializer.Serialize(Status("COMPLETED", Array.Empty<object>(), inference: 0.001))}\n\n");
        });
        var seen = new List<FalQueueStatus>();
        var result = await fal.Client.WaitForResultAsync(new FalSubmission(new FalRequestHandle(Veo3, "r1"), 1, DateTimeOffset.UtcNow.AddSeconds(-2)),
            new FalWaitOptions { Progress = new Inline<FalQueueStatus>(seen.Add) });
        seen.Last().Logs.Select(l => l.Message).ShouldBe(["step 1", "step 2"]);
        seen[0].Logs.Single().Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero));
        result.Timings.Inference.ShouldBe(TimeSpan.FromMilliseconds(1));
        result.Timings.QueueWait.ShouldBe(result.Timings.Total - result.Timings.Inference);
        result.Timings.Total.ShouldBeGreaterThan(TimeSpan.FromSeconds(1.9));
        fal.Server.Count("GET", "/fal-ai/veo3/requests/r1/status?").ShouldBe(0); // the stream sufficed
    }

    [Fact]
    public async Task A_result_that_lags_its_completed_status_is_waited_for_not_hammered()
    {
        var results = 0;
        await using var fal = await ScriptedFal.StartAsync(context => context.Request.Path.Value!.EndsWith("/status")
            ? Json(context, 200, Status("COMPLETED"))
            : Interlocked.Increment(ref results) <= 2 ? Json(context, 202, Status("IN_PROGRESS")) : Json(context, 200, new { ok = true }));
        var result = await fal.Client.WaitForResultAsync(new FalSubmission(new FalRequestHandle(Veo3, "r1"), null, DateTimeOffset.UtcNow),
            new FalWaitOptions { UseStreaming = false });
        result.Data.GetProperty("ok").GetBoolean().ShouldBeTrue();
        results.ShouldBe(3);
        fal.Server.Count("GET", "/fal-ai/veo3/requests/r1/status").ShouldBe(3);
    }

    [Theory]
    [InlineData(200, "OK", FalCancelOutcome.CancellationRequested)]
    [InlineData(202, "CANCELLATION_REQUESTED", FalCancelOutcome.CancellationRequested)]
    [InlineData(400, "ALREADY_COMPLETED", FalCancelOutcome.AlreadyCompleted)]
    [InlineData(404, "NOT_FOUND", FalCancelOutcome.NotFound)]
    public async Task Cancel_outcomes_follow_fals_status_strings(int code, string status, FalCancelOutcome expected)
    {
        await using var fal = await ScriptedFal.StartAsync(context => Json(context, code, new { status }));
        (await fal.Client.CancelAsync(new FalRequestHandle("workflows/me/flow/run", "r1"))).ShouldBe(expected);
        fal.Server.Requests.Single().PathAndQuery.ShouldBe("/workflows/me/flow/requests/r1/cancel");
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) { lock (report) report(value); }
    }
}
