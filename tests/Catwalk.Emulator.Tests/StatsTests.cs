using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class StatsTests
{
    [Fact]
    public async Task Every_call_is_counted_against_the_full_endpoint_id_and_the_http_stats_match()
    {
        const string endpoint = "fal-ai/bytedance/seedance/v1.5/pro/image-to-video"; // status URLs carry only fal-ai/bytedance
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        var (_, job) = await e.SubmitAsync(endpoint, new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = "4", ["resolution"] = "480p" });
        var polls = 0;
        string state;
        do
        {
            polls++;
            state = (await e.Http.GetFromJsonAsync<JsonObject>(job["status_url"]!.GetValue<string>()))!["status"]!.GetValue<string>();
            if (state != "COMPLETED") await Task.Delay(20);
        } while (state != "COMPLETED");
        (await e.Http.GetStringAsync(job["status_url"]!.GetValue<string>() + "/stream")).ShouldContain("COMPLETED");
        var result = await e.Http.GetFromJsonAsync<JsonObject>(job["response_url"]!.GetValue<string>());
        (await e.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null)).Dispose();
        await e.Http.GetByteArrayAsync(result!["video"]!["url"]!.GetValue<string>());
        await e.Http.GetByteArrayAsync(result["video"]!["url"]!.GetValue<string>());

        var stats = e.Emulator.GetStats();
        stats.Endpoints[endpoint].ShouldBe(new EndpointStats(Submissions: 1, StatusCalls: polls, StreamCalls: 1, Results: 1, Cancels: 1));
        stats.Endpoints.Where(s => s.Key != endpoint).ShouldAllBe(s => s.Value == new EndpointStats(0, 0, 0, 0, 0));
        (stats.Uploads, stats.MediaDownloads, stats.Renders, stats.RenderCacheHits).ShouldBe((1, 2, 1, 0));

        var http = (await e.Http.GetFromJsonAsync<JsonObject>(e.Url("_emulator/stats")))!;
        http["endpoints"]![endpoint]!["statusCalls"]!.GetValue<int>().ShouldBe(polls);
        http["mediaDownloads"]!.GetValue<int>().ShouldBe(2);
    }
}
