using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Fal.Tests.Scripted;

/// <summary>Every submit carries fal's start deadline (x-fal-request-timeout) as fal's clients write it; none when switched off.</summary>
public class StartDeadlineHeaderTests
{
    [Theory]
    [InlineData(1800.0, "1800")]
    [InlineData(2.5, "2.5")]
    [InlineData(null, null)]
    public async Task A_submit_carries_the_start_deadline_in_seconds(double? seconds, string? expected)
    {
        var headers = new List<string?>();
        await using var fal = await ScriptedFal.StartAsync(async context =>
        {
            lock (headers) headers.Add(context.Request.Headers.TryGetValue("x-fal-request-timeout", out var value) ? value.ToString() : null);
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            await context.Response.WriteAsJsonAsync(new { status = "IN_QUEUE", request_id = "r1", queue_position = 0, response_url = $"{origin}/o/m/requests/r1", status_url = $"{origin}/o/m/requests/r1/status", cancel_url = $"{origin}/o/m/requests/r1/cancel" });
        }, configure: o => o.StartDeadline = seconds is { } s ? TimeSpan.FromSeconds(s) : null);

        await fal.Client.SubmitAsync("o/m/image-to-video", new JsonObject { ["prompt"] = "walk" });

        headers.ShouldBe([expected]);
    }

    [Fact]
    public void The_default_is_generous_and_a_deadline_of_a_second_or_less_is_refused()
    {
        new FalOptions().StartDeadline.ShouldBe(TimeSpan.FromMinutes(30));
        var result = new FalOptionsValidator().Validate(null, new FalOptions { StartDeadline = TimeSpan.FromSeconds(1) });
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Fal:StartDeadline");
    }
}
