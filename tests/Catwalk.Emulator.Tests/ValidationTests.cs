using System.Text.Json.Nodes;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class ValidationTests
{
    /// <summary>
    /// As on fal: the queue takes the bad input (200 IN_QUEUE), the job runs and COMPLETES, and the result is the model's
    /// 422 with its detail list and X-Fal-Retryable: false.
    /// </summary>
    private static async Task<JsonObject> Rejected(EmulatorClient e, string endpoint, JsonObject input)
    {
        var (status, submitted) = await e.SubmitAsync(endpoint, input);
        status.ShouldBe(200, submitted.ToJsonString());
        submitted["status"]!.GetValue<string>().ShouldBe("IN_QUEUE");
        var (completed, (resultStatus, body, headers)) = await e.WaitForCompletionAsync(submitted);
        completed["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        completed.ContainsKey("error").ShouldBeFalse("a model's own 422 is only in the result");
        resultStatus.ShouldBe(422, body.ToJsonString());
        headers.GetValues("X-Fal-Retryable").ShouldBe(["false"]);
        return body["detail"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
    }

    [Theory]
    [InlineData("{\"prompt\":\"walk\",\"duration\":\"7s\"}", "duration", "literal_error")]
    [InlineData("{\"duration\":\"4s\"}", "prompt", "missing")]
    [InlineData("{\"prompt\":\"walk\",\"duration\":\"4s\",\"generate_audio\":\"yes\"}", "generate_audio", "bool_type")]
    [InlineData("{\"prompt\":\"walk\",\"resolution\":\"4K\"}", "resolution", "literal_error")]
    public async Task Veo3_inputs_are_checked_against_its_published_schema(string json, string field, string type)
    {
        await using var e = await EmulatorClient.StartAsync();
        var input = EmulatorClient.Parse(json);
        input["image_url"] = await e.UploadAsync(TestImages.Png());
        var problem = await Rejected(e, "fal-ai/veo3/image-to-video", input);
        problem["loc"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["body", field]);
        problem["type"]!.GetValue<string>().ShouldBe(type);
    }

    [Fact]
    public async Task A_prompt_over_the_limit_an_outside_url_and_a_non_image_are_refused()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        (await Rejected(e, "fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = new string('x', 2501), ["start_image_url"] = image }))["type"]!.GetValue<string>().ShouldBe("string_too_long");
        (await Rejected(e, "fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = "https://cdn.example.com/a.png" }))["type"]!.GetValue<string>().ShouldBe("file_download_error");
        var text = await e.UploadAsync("not a picture"u8.ToArray(), "image/png", "fake.png");
        (await Rejected(e, "fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = text }))["type"]!.GetValue<string>().ShouldBe("image_load_error");
    }

    [Fact]
    public async Task Ltx_takes_its_duration_as_an_integer_or_an_old_style_string_and_enforces_its_1080p_rule()
    {
        await using var e = await EmulatorClient.StartAsync();
        var image = await e.UploadAsync(TestImages.Png());
        (await e.SubmitAsync("fal-ai/ltx-2/image-to-video/fast", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 8 })).Status.ShouldBe(200);
        (await e.SubmitAsync("fal-ai/ltx-2/image-to-video/fast", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = "8" })).Status.ShouldBe(200);
        var rule = await Rejected(e, "fal-ai/ltx-2/image-to-video/fast", new JsonObject { ["prompt"] = "walk", ["image_url"] = image, ["duration"] = 12, ["resolution"] = "1440p" });
        rule["loc"]![1]!.GetValue<string>().ShouldBe("resolution");
    }

    [Fact]
    public async Task A_data_uri_image_is_accepted_and_an_unknown_endpoint_is_404()
    {
        await using var e = await EmulatorClient.StartAsync();
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png());
        (await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = dataUri })).Status.ShouldBe(200);
        (await e.SubmitAsync("fal-ai/sora/image-to-video", new JsonObject { ["prompt"] = "walk" })).Status.ShouldBe(404);
    }

    [Theory]
    [InlineData("xai/grok-imagine-video/image-to-video", "{\"prompt\":\"walk\",\"image_url\":\"$IMAGE\",\"duration\":1.5}", "body.duration", "int_from_float")]
    [InlineData("xai/grok-imagine-video/image-to-video", "{\"prompt\":\"walk\",\"image_url\":\"$IMAGE\",\"duration\":\"six\"}", "body.duration", "int_parsing")]
    [InlineData("xai/grok-imagine-video/image-to-video", "{\"prompt\":\"walk\",\"image_url\":\"$IMAGE\",\"duration\":0}", "body.duration", "greater_than_equal")]
    [InlineData("xai/grok-imagine-video/image-to-video", "{\"prompt\":\"walk\",\"image_url\":\"$IMAGE\",\"duration\":16}", "body.duration", "less_than_equal")]
    [InlineData("fal-ai/nano-banana/edit", "{\"prompt\":\"dress\",\"image_urls\":\"$IMAGE\"}", "body.image_urls", "list_type")]
    [InlineData("fal-ai/nano-banana/edit", "{\"prompt\":\"dress\",\"image_urls\":[\"$IMAGE\",5]}", "body.image_urls.1", "string_type")]
    [InlineData("fal-ai/nano-banana", "{\"prompt\":\"hi\"}", "body.prompt", "string_too_short")]
    [InlineData("fal-ai/kling-video/v2.6/pro/image-to-video", "{\"prompt\":\"walk\",\"start_image_url\":null}", "body.start_image_url", "string_type")]
    [InlineData("fal-ai/nano-banana", "{\"prompt\":\"a coat\",\"output_format\":\"gif\"}", "body.output_format", "literal_error")]
    public async Task Problems_carry_pydantics_loc_and_type(string endpoint, string json, string loc, string type)
    {
        await using var e = await EmulatorClient.StartAsync();
        var input = EmulatorClient.Parse(json.Replace("$IMAGE", await e.UploadAsync(TestImages.Png())));
        var problem = await Rejected(e, endpoint, input);
        string.Join('.', problem["loc"]!.AsArray().Select(l => l!.ToString())).ShouldBe(loc);
        problem["type"]!.GetValue<string>().ShouldBe(type);
    }

    [Fact]
    public async Task A_wrong_literal_is_explained_in_pydantics_words_and_is_not_retryable()
    {
        await using var e = await EmulatorClient.StartAsync();
        var problem = await Rejected(e, "fal-ai/veo3/image-to-video", new JsonObject { ["prompt"] = "walk", ["duration"] = "7s", ["image_url"] = await e.UploadAsync(TestImages.Png()) });
        problem["msg"]!.GetValue<string>().ShouldBe("Input should be '4s', '6s' or '8s'");
        problem["input"]!.GetValue<string>().ShouldBe("7s");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, submitted) = await e.SubmitAsync("fal-ai/nano-banana", new JsonObject { ["prompt"] = "hi", ["num_images"] = 9, ["aspect_ratio"] = "7:5" });
        status.ShouldBe(200);
        var (resultStatus, body, _) = await e.WaitForResultResponseAsync(submitted);
        resultStatus.ShouldBe(422);
        body["detail"]!.AsArray().Select(p => p!["loc"]![1]!.GetValue<string>()).ShouldBe(["prompt", "num_images", "aspect_ratio"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_located_at_body_and_a_null_optional_field_is_not_given()
    {
        await using var e = await EmulatorClient.StartAsync();
        using var array = await e.Http.PostAsync(e.Url("fal-ai/nano-banana"), new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json"));
        ((int)array.StatusCode).ShouldBe(422);
        var problem = EmulatorClient.Parse(await array.Content.ReadAsStringAsync())["detail"]![0]!;
        problem["loc"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["body"]);
        problem["type"]!.GetValue<string>().ShouldBe("model_attributes_type");
        var (status, luma) = await e.SubmitAsync("fal-ai/luma-dream-machine/ray-2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = null });
        status.ShouldBe(200);
        (await e.WaitForResultResponseAsync(luma)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_bad_input_is_queued_like_any_other_can_be_cancelled_while_queued_and_counts_as_a_submission()
    {
        await using var e = await EmulatorClient.StartAsync(gpus: 1, latencyScale: 0.5);
        var image = await e.UploadAsync(TestImages.Png());
        var (_, first) = await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image });
        var (status, bad) = await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = "https://cdn.example.com/gone.png" });
        status.ShouldBe(200);
        bad["queue_position"]!.GetValue<int>().ShouldBe(1);
        bad.ContainsKey("logs").ShouldBeTrue();
        bad["logs"].ShouldBeNull();
        bad["metrics"]!.AsObject().Count.ShouldBe(0);
        using var cancel = await e.Http.PutAsync(bad["cancel_url"]!.GetValue<string>(), null);
        ((int)cancel.StatusCode).ShouldBe(202);
        e.Emulator.GetStats().Endpoints["fal-ai/pika/v2.2/image-to-video"].Submissions.ShouldBe(2);
        (await e.WaitForResultResponseAsync(bad)).Status.ShouldBe(400); // removed from the queue before the model saw it
        first["request_id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_status_of_an_infrastructure_failure_names_it_and_a_running_status_is_202()
    {
        await using var e = await EmulatorClient.StartAsync(gpus: 1, latencyScale: 1);
        var image = await e.UploadAsync(TestImages.Png());
        var (_, running) = await e.SubmitAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image });
        using var queuedStatus = await e.Http.GetAsync(running["status_url"]!.GetValue<string>());
        ((int)queuedStatus.StatusCode).ShouldBe(202);
        using var request = new HttpRequestMessage(HttpMethod.Post, e.Url("fal-ai/pika/v2.2/image-to-video"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new JsonObject { ["prompt"] = "walk", ["image_url"] = image }),
        };
        request.Headers.Add("X-Fal-Request-Timeout", "0.2");
        using var sent = await e.Http.SendAsync(request);
        var timedOut = EmulatorClient.Parse(await sent.Content.ReadAsStringAsync());
        var (completed, (status, body, headers)) = await e.WaitForCompletionAsync(timedOut);
        completed["error_type"]!.GetValue<string>().ShouldBe("request_timeout");
        completed["error"]!.GetValue<string>().ShouldBe("Request timed out");
        status.ShouldBe(504);
        headers.GetValues("X-Fal-Request-Timeout-Type").ShouldBe(["user"]);
    }
}
