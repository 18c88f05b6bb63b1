using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Emulator.Tests;

/// <summary>An upload lives as long as its X-Fal-Object-Lifecycle asks, then is gone (404), as fal deletes it.</summary>
public class StorageLifecycleTests
{
    private static async Task<(HttpStatusCode Status, string? FileUrl)> UploadAsync(EmulatorClient e, string? header, string headerName = "X-Fal-Object-Lifecycle")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, e.Url("storage/upload/initiate?storage_type=fal-cdn-v3"))
        {
            Content = JsonContent.Create(new { content_type = "image/png", file_name = "me.png" }),
        };
        if (header is not null) request.Headers.TryAddWithoutValidation(headerName, header);
        using var initiate = await e.Http.SendAsync(request);
        if (!initiate.IsSuccessStatusCode) return (initiate.StatusCode, null);
        var urls = (await initiate.Content.ReadFromJsonAsync<JsonObject>())!;
        using var put = await e.Http.PutAsync(urls["upload_url"]!.GetValue<string>(), new ByteArrayContent(TestImages.Png()));
        put.EnsureSuccessStatusCode();
        return (put.StatusCode, urls["file_url"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Get, HttpStatusCode Head)> FetchAsync(EmulatorClient e, string url)
    {
        using var get = await e.Http.GetAsync(url);
        using var head = await e.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        return (get.StatusCode, head.StatusCode);
    }

    [Theory]
    [InlineData("X-Fal-Object-Lifecycle")]
    [InlineData("X-Fal-Object-Lifecycle-Preference")]
    public async Task A_file_is_served_until_its_lifecycle_has_passed_then_is_gone(string headerName)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var e = await EmulatorClient.StartAsync(time: clock);
        var (_, url) = await UploadAsync(e, """{"expiration_duration_seconds": 3600}""", headerName);

        (await FetchAsync(e, url!)).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));
        clock.Advance(TimeSpan.FromSeconds(3599));
        (await FetchAsync(e, url!)).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));
        clock.Advance(TimeSpan.FromSeconds(1));
        (await FetchAsync(e, url!)).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        // Gone for good: a model given the URL cannot fetch it either.
        var (status, body) = await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = url });
        status.ShouldBe(200);
        var (resultStatus, result, _) = await e.WaitForResultResponseAsync(body);
        resultStatus.ShouldBe(422);
        result.ToJsonString().ShouldContain("file_download_error");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"expiration_duration_seconds": null}""")]
    public async Task Without_a_lifetime_a_file_stays(string? header)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        await using var e = await EmulatorClient.StartAsync(time: clock);
        var (_, url) = await UploadAsync(e, header);
        clock.Advance(TimeSpan.FromDays(3650));
        (await FetchAsync(e, url!)).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("3600")]
    [InlineData("""{"expiration_duration_seconds": -5}""")]
    [InlineData("""{"expiration_duration_seconds": "a day"}""")]
    public async Task A_malformed_lifecycle_is_refused_at_initiate(string header)
    {
        await using var e = await EmulatorClient.StartAsync();
        (await UploadAsync(e, header)).Status.ShouldBe(HttpStatusCode.BadRequest);
        e.Emulator.GetStats().Uploads.ShouldBe(0);
    }
}
