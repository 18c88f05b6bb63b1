using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catwalk.Fal.Tests.Scripted;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Fal.Tests;

/// <summary>Drives every error path with a key set, then searches all messages, ToStrings, serializations and log output for it.</summary>
public class KeyHygieneTests
{
    private const string Secret = "fal-key-id-7f3a:fal-key-secret-91bd2c";

    [Fact]
    public async Task The_key_reaches_fal_but_no_exception_log_or_serialization()
    {
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            context.Response.Headers["x-fal-request-id"] = "r1";
            (int Status, object Body) answer = path switch
            {
                "/o/unauthorized" => (401, new { detail = "Invalid key" }),
                "/o/invalid" => (422, new { detail = new[] { new { loc = new[] { "body", "duration" }, msg = "must be 4s, 6s or 8s", type = "literal_error" } } }),
                "/o/broken" => (500, new { detail = "boom" }),
                "/o/busy/requests/r1/status" => (429, new { detail = "busy" }),
                "/o/failed/requests/r1" => (400, new { detail = "Request was cancelled" }),
                "/o/queued/requests/r1/status" => (202, new { status = "IN_QUEUE", queue_position = 3 }),
                "/o/queued/requests/r1/cancel" => (202, new { status = "CANCELLATION_REQUESTED" }),
                _ => (404, new { detail = "not found" }),
            };
            if (path == "/o/lost") { context.Abort(); return; }
            if (answer.Status == 429) context.Response.Headers.RetryAfter = "600";
            context.Response.StatusCode = answer.Status;
            await context.Response.WriteAsJsonAsync(answer.Body);
        }, key: Secret);
        var input = new JsonObject { ["prompt"] = "walk" };
        var errors = new List<Exception>
        {
            await Should.ThrowAsync<FalAuthenticationException>(() => fal.Client.SubmitAsync("o/unauthorized", input)),
            await Should.ThrowAsync<FalValidationException>(() => fal.Client.SubmitAsync("o/invalid", input)),
            await Should.ThrowAsync<FalServerException>(() => fal.Client.SubmitAsync("o/broken", input)),
            await Should.ThrowAsync<FalSubmitUncertainException>(() => fal.Client.SubmitAsync("o/lost", input)),
            await Should.ThrowAsync<FalRateLimitedException>(() => fal.Client.GetStatusAsync(new FalRequestHandle("o/busy", "r1"))),
            await Should.ThrowAsync<FalRequestFailedException>(() => fal.Client.GetResultAsync(new FalRequestHandle("o/failed", "r1"))),
            await Should.ThrowAsync<FalTimeoutException>(() => fal.Client.WaitForResultAsync(
                new FalSubmission(new FalRequestHandle("o/queued", "r1"), 3, DateTimeOffset.UtcNow), new FalWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), UseStreaming = false })),
            await Should.ThrowAsync<FalMediaException>(() => fal.Downloader.DownloadAsync(new Uri(fal.Server.BaseUri, "files/missing.mp4"), Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mp4"))),
        };
        var options = fal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FalOptions>>().Value;

        fal.Server.Requests.ShouldContain(r => r.Header("Authorization") == $"Key {Secret}"); // the key was really in play
        errors.OfType<FalValidationException>().Single().Message.ShouldBe("fal rejected the input of o/invalid: duration: must be 4s, 6s or 8s");
        errors.OfType<FalTimeoutException>().Single().CancelledAtFal.ShouldBeTrue();
        var everything = string.Join("\n", errors.Select(e => $"{e.Message}\n{e}"))
                         + JsonSerializer.Serialize(options) + options.Key + fal.Logs;
        fal.Logs.Length.ShouldBeGreaterThan(0);
        everything.ShouldNotContain("fal-key-secret-91bd2c");
        everything.ShouldNotContain("fal-key-id-7f3a");
    }
}
