using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Faults;
using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

/// <summary>fal's Platform APIs (<c>/v1/models…</c>) in the emulator, over plain HTTP: shapes, paging, scopes and errors as PLATFORM.md describes them.</summary>
public sealed class PlatformApiTests : IAsyncLifetime
{
    private const string ApiKey = "platform-id:platform-secret";
    private const string AdminKey = "admin-id:admin-secret";
    private static readonly string[] Extra = ["alibaba/happy-horse/image-to-video", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "fal-ai/minimax/hailuo-02/standard/image-to-video"];
    private readonly TempDirectory _dir = new("catwalk-platform-");
    private FalEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync() => await StartAsync(new FalEmulatorOptions { DeprecatedEndpoints = new HashSet<string> { "fal-ai/pika/v2.2/image-to-video" }, PercentDiscount = 20 });

    private async Task StartAsync(FalEmulatorOptions options)
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
        _emulator = await FalEmulator.StartAsync(options with { LatencyScale = 0, RequiredKey = ApiKey, AdminKey = AdminKey, CacheDirectory = _dir.File("cache") }, ModelCatalog.BuiltIn);
        _http = new HttpClient { BaseAddress = _emulator.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? key = ApiKey, JsonObject? body = null, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Key", key);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path, string? key = ApiKey) => SendAsync(HttpMethod.Get, path, key);

    private static string ErrorType(JsonObject body) => body["error"]!["type"]!.GetValue<string>();

    /// <summary>Runs one job to the end through the queue (key required), with extra headers; returns its request id.</summary>
    private async Task<string> RunJobAsync(string endpoint, JsonObject input, Dictionary<string, string>? headers = null)
    {
        var (status, submitted) = await SendAsync(HttpMethod.Post, endpoint, body: input, headers: headers);
        status.ShouldBe(HttpStatusCode.OK, submitted.ToJsonString());
        for (var i = 0; i < 400; i++)
        {
            var (_, state) = await GetAsync(submitted["status_url"]!.GetValue<string>());
            if (state["status"]!.GetValue<string>() == "COMPLETED") break;
            await Task.Delay(25);
        }
        return submitted["request_id"]!.GetValue<string>();
    }

    private async Task<string> UploadAsync()
    {
        var (_, initiated) = await SendAsync(HttpMethod.Post, "storage/upload/initiate?storage_type=fal-cdn-v3", body: new JsonObject { ["content_type"] = "image/png", ["file_name"] = "ref.png" });
        using var put = await _http.PutAsync(initiated["upload_url"]!.GetValue<string>(), new ByteArrayContent(TestImages.Png()));
        put.EnsureSuccessStatusCode();
        return initiated["file_url"]!.GetValue<string>();
    }

    [Fact]
    public async Task Models_list_every_endpoint_once_across_cursor_pages_including_three_beyond_the_built_in_catalog()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, body) = await GetAsync("v1/models?limit=4" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), key: null);
            status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
            var models = body["models"]!.AsArray();
            models.Count.ShouldBeLessThanOrEqualTo(4);
            seen.AddRange(models.Select(m => m!["endpoint_id"]!.GetValue<string>()));
            models.ShouldAllBe(m => m!["metadata"]!["is_favorited"] == null, "unauthenticated callers get is_favorited null");
            cursor = body["next_cursor"]?.GetValue<string>();
            body["has_more"]!.GetValue<bool>().ShouldBe(cursor is not null);
            pages++;
        } while (cursor is not null && pages < 20);
        seen.ShouldBeUnique();
        seen.ShouldBe([.. ModelCatalog.BuiltIn.Models.Select(m => m.EndpointId), .. Extra], ignoreOrder: true);
        pages.ShouldBe((int)Math.Ceiling(seen.Count / 4.0));
        Extra.ShouldAllBe(id => ModelCatalog.BuiltIn.Models.All(m => m.EndpointId != id));
        (await GetAsync("v1/models?cursor=bm9wZQ==")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Find_takes_ids_comma_separated_or_repeated_and_search_filters_by_words_category_and_status()
    {
        var (_, found) = await GetAsync("v1/models?endpoint_id=fal-ai/veo3/image-to-video,fal-ai/nano-banana/edit&endpoint_id=xai/grok-imagine-video/image-to-video");
        found["models"]!.AsArray().Select(m => m!["endpoint_id"]!.GetValue<string>()).ShouldBe(["fal-ai/nano-banana/edit", "fal-ai/veo3/image-to-video", "xai/grok-imagine-video/image-to-video"]);
        found["models"]![0]!["metadata"]!["is_favorited"]!.GetValue<bool>().ShouldBeFalse();

        var (_, kling) = await GetAsync("v1/models?q=kling&category=image-to-video");
        kling["models"]!.AsArray().Select(m => m!["endpoint_id"]!.GetValue<string>())
            .ShouldBe(["fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "fal-ai/kling-video/v2.6/pro/image-to-video"]);
        kling["models"]!.AsArray().ShouldAllBe(m => m!["metadata"]!["category"]!.GetValue<string>() == "image-to-video");

        var (_, deprecated) = await GetAsync("v1/models?status=deprecated");
        deprecated["models"]!.AsArray().Select(m => m!["endpoint_id"]!.GetValue<string>()).ShouldBe(["fal-ai/pika/v2.2/image-to-video"]);
        var (bad, error) = await GetAsync("v1/models?status=retired");
        bad.ShouldBe(HttpStatusCode.BadRequest);
        ErrorType(error).ShouldBe("validation_error");
    }

    [Fact]
    public async Task Expanded_openapi_follows_fals_queue_layout_with_the_input_schema_behind_the_posts_ref()
    {
        var (_, body) = await GetAsync("v1/models?endpoint_id=fal-ai/kling-video/v2.5-turbo/standard/image-to-video&expand=openapi-3.0");
        var openapi = body["models"]![0]!["openapi"]!.AsObject();
        openapi["openapi"]!.GetValue<string>().ShouldBe("3.0.4");
        openapi["info"]!["x-fal-metadata"]!["endpointId"]!.GetValue<string>().ShouldBe("fal-ai/kling-video/v2.5-turbo/standard/image-to-video");
        var paths = openapi["paths"]!.AsObject();
        paths.Select(p => p.Key).ShouldBe([
            "/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/requests/{request_id}/status",
            "/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/requests/{request_id}/cancel",
            "/fal-ai/kling-video/v2.5-turbo/standard/image-to-video",
            "/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/requests/{request_id}"], ignoreOrder: true);
        var reference = paths["/fal-ai/kling-video/v2.5-turbo/standard/image-to-video"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        reference.ShouldBe("#/components/schemas/KlingVideoV25TurboStandardImageToVideoInput");
        var input = openapi["components"]!["schemas"]!["KlingVideoV25TurboStandardImageToVideoInput"]!;
        input["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["prompt", "image_url"]);
        input["properties"]!["duration"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["5", "10"]);
        input["properties"]!["cfg_scale"]!["maximum"]!.GetValue<double>().ShouldBe(1);
        openapi["components"]!["schemas"]!["QueueStatus"]!["properties"]!["status"]!["enum"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Pricing_needs_endpoint_ids_a_key_and_known_endpoints_and_gives_the_base_unit_price()
    {
        var (_, prices) = await GetAsync("v1/models/pricing?endpoint_id=fal-ai/kling-video/v2.6/pro/image-to-video,fal-ai/nano-banana/edit");
        var kling = prices["prices"]!.AsArray().Single(p => p!["endpoint_id"]!.GetValue<string>() == "fal-ai/kling-video/v2.6/pro/image-to-video")!;
        kling["unit_price"]!.GetValue<decimal>().ShouldBe(0.07m); // audio off: the base configuration
        kling["unit"]!.GetValue<string>().ShouldBe("seconds");
        kling["currency"]!.GetValue<string>().ShouldBe("USD");
        prices["prices"]!.AsArray().Single(p => p!["endpoint_id"]!.GetValue<string>() == "fal-ai/nano-banana/edit")!["unit"]!.GetValue<string>().ShouldBe("images");
        prices["has_more"]!.GetValue<bool>().ShouldBeFalse();

        (await GetAsync("v1/models/pricing")).Status.ShouldBe(HttpStatusCode.BadRequest);
        var (missing, notFound) = await GetAsync("v1/models/pricing?endpoint_id=fal-ai/nope/image-to-video");
        missing.ShouldBe(HttpStatusCode.NotFound);
        ErrorType(notFound).ShouldBe("not_found");
        var (unauthorized, error) = await GetAsync("v1/models/pricing?endpoint_id=fal-ai/veo3/image-to-video", key: null);
        unauthorized.ShouldBe(HttpStatusCode.Unauthorized);
        ErrorType(error).ShouldBe("authorization_error");
    }

    [Fact]
    public async Task Estimates_price_units_or_calls_and_refuse_a_malformed_body()
    {
        var (status, units) = await SendAsync(HttpMethod.Post, "v1/models/pricing/estimate", body: JsonNode.Parse("""{"estimate_type":"unit_price","endpoints":{"fal-ai/kling-video/v2.6/pro/image-to-video":{"unit_quantity":10},"fal-ai/nano-banana/edit":{"unit_quantity":2}}}""")!.AsObject());
        status.ShouldBe(HttpStatusCode.OK, units.ToJsonString());
        units["total_cost"]!.GetValue<decimal>().ShouldBe(0.07m * 10 + 0.039m * 2);
        units["estimate_type"]!.GetValue<string>().ShouldBe("unit_price");
        var (_, calls) = await SendAsync(HttpMethod.Post, "v1/models/pricing/estimate", body: JsonNode.Parse("""{"estimate_type":"historical_api_price","endpoints":{"fal-ai/kling-video/v2.6/pro/image-to-video":{"call_quantity":3}}}""")!.AsObject());
        calls["total_cost"]!.GetValue<decimal>().ShouldBe(3 * 0.07m * 5); // no history yet: the default 5 s clip
        var (bad, error) = await SendAsync(HttpMethod.Post, "v1/models/pricing/estimate", body: JsonNode.Parse("""{"estimate_type":"unit_price","endpoints":{"fal-ai/veo3/image-to-video":{"call_quantity":3}}}""")!.AsObject());
        bad.ShouldBe(HttpStatusCode.BadRequest);
        error["error"]!["message"]!.GetValue<string>().ShouldContain("unit_quantity");
    }

    [Fact]
    public async Task Usage_needs_the_admin_key_and_bills_finished_requests_with_the_account_discount_and_nothing_for_failed_ones()
    {
        var image = await UploadAsync();
        await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "10", ["generate_audio"] = false });
        await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "5", ["generate_audio"] = false });
        await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "7" }); // the model's 422

        var (none, noneBody) = await GetAsync("v1/models/usage?expand=summary", key: null);
        none.ShouldBe(HttpStatusCode.Unauthorized);
        ErrorType(noneBody).ShouldBe("authorization_error");
        var (forbidden, forbiddenBody) = await GetAsync("v1/models/usage?expand=summary");
        forbidden.ShouldBe(HttpStatusCode.Forbidden);
        forbiddenBody["error"]!["message"]!.GetValue<string>().ShouldContain("Admin API key");

        var (status, usage) = await GetAsync("v1/models/usage?expand=summary,time_series&endpoint_id=fal-ai/kling-video/v2.6/pro/image-to-video", key: AdminKey);
        status.ShouldBe(HttpStatusCode.OK, usage.ToJsonString());
        var line = usage["summary"]!.AsArray().ShouldHaveSingleItem()!;
        line["quantity"]!.GetValue<decimal>().ShouldBe(15m);
        line["unit"]!.GetValue<string>().ShouldBe("seconds");
        line["unit_price"]!.GetValue<decimal>().ShouldBe(0.07m);
        line["cost_subtotal"]!.GetValue<decimal>().ShouldBe(1.05m);
        line["percent_discount"]!.GetValue<decimal>().ShouldBe(20m);
        line["cost_total"]!.GetValue<decimal>().ShouldBe(0.84m);
        line["cost"]!.GetValue<decimal>().ShouldBe(0.84m);
        line["cost_discount"]!.GetValue<decimal>().ShouldBe(0.21m);
        var bucket = usage["time_series"]!.AsArray().ShouldHaveSingleItem()!;
        bucket["bucket"]!.GetValue<string>().ShouldEndWith("+00:00");
        bucket["results"]!.AsArray().Sum(r => r!["cost_total"]!.GetValue<decimal>()).ShouldBe(0.84m);
        (await GetAsync("v1/models/usage?expand=auth_method", key: AdminKey)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Billing_events_need_the_admin_key_and_give_one_discounted_row_per_billed_request_adding_up_to_usage_and_page()
    {
        var image = await UploadAsync();
        var ten = await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "10", ["generate_audio"] = false });
        var five = await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "5", ["generate_audio"] = false });
        var refused = await RunJobAsync("fal-ai/kling-video/v2.6/pro/image-to-video", new JsonObject { ["prompt"] = "walk", ["start_image_url"] = image, ["duration"] = "7" }); // the model's 422
        var pika = await RunJobAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image });

        var (none, noneBody) = await GetAsync("v1/models/billing-events", key: null);
        none.ShouldBe(HttpStatusCode.Unauthorized);
        ErrorType(noneBody).ShouldBe("authorization_error");
        var (forbidden, forbiddenBody) = await GetAsync("v1/models/billing-events");
        forbidden.ShouldBe(HttpStatusCode.Forbidden);
        ErrorType(forbiddenBody).ShouldBe("authorization_error");
        forbiddenBody["error"]!["message"]!.GetValue<string>().ShouldContain("Admin API key");

        var (status, all) = await GetAsync("v1/models/billing-events", key: AdminKey);
        status.ShouldBe(HttpStatusCode.OK, all.ToJsonString());
        all["has_more"]!.GetValue<bool>().ShouldBeFalse();
        var rows = all["billing_events"]!.AsArray().ToDictionary(r => r!["request_id"]!.GetValue<string>(), r => r!.AsObject());
        rows.Keys.ShouldBe([ten, five, pika], ignoreOrder: true); // the failed request billed nothing
        var row = rows[ten];
        row["endpoint_id"]!.GetValue<string>().ShouldBe("fal-ai/kling-video/v2.6/pro/image-to-video");
        row["output_units"]!.GetValue<decimal>().ShouldBe(10m);
        row["unit_price"]!.GetValue<decimal>().ShouldBe(0.07m);
        row["cost_subtotal"]!.GetValue<decimal>().ShouldBe(0.7m);
        row["percent_discount"]!.GetValue<decimal>().ShouldBe(20m);
        row["cost_discount"]!.GetValue<decimal>().ShouldBe(0.14m);
        row["cost_total"]!.GetValue<decimal>().ShouldBe(0.56m);
        row["cost_estimate_nano_usd"]!.GetValue<long>().ShouldBe(560_000_000L);
        DateTimeOffset.Parse(row["timestamp"]!.GetValue<string>()).ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        rows[five]["cost_total"]!.GetValue<decimal>().ShouldBe(0.28m);
        rows.ContainsKey(refused).ShouldBeFalse();

        var (_, usage) = await GetAsync("v1/models/usage?expand=summary", key: AdminKey);
        foreach (var line in usage["summary"]!.AsArray())
            rows.Values.Where(r => r["endpoint_id"]!.GetValue<string>() == line!["endpoint_id"]!.GetValue<string>()).Sum(r => r["cost_total"]!.GetValue<decimal>())
                .ShouldBe(line!["cost_total"]!.GetValue<decimal>());

        var (_, kling) = await GetAsync("v1/models/billing-events?endpoint_id=fal-ai/kling-video/v2.6/pro/image-to-video", key: AdminKey);
        kling["billing_events"]!.AsArray().Select(r => r!["request_id"]!.GetValue<string>()).ShouldBe([ten, five]); // oldest first
        var (_, first) = await GetAsync("v1/models/billing-events?limit=2", key: AdminKey);
        first["billing_events"]!.AsArray().Count.ShouldBe(2);
        first["has_more"]!.GetValue<bool>().ShouldBeTrue();
        var (_, second) = await GetAsync($"v1/models/billing-events?limit=2&cursor={Uri.EscapeDataString(first["next_cursor"]!.GetValue<string>())}", key: AdminKey);
        second["billing_events"]!.AsArray().Select(r => r!["request_id"]!.GetValue<string>()).ShouldBe([pika]);
        second["has_more"]!.GetValue<bool>().ShouldBeFalse();
        second["next_cursor"].ShouldBeNull();

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        (await GetAsync($"v1/models/billing-events?start={future}&end={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(2).ToString("O"))}", key: AdminKey)).Body["billing_events"]!.AsArray().ShouldBeEmpty();
        (await GetAsync("v1/models/billing-events?start=2025-01-01&end=2025-06-01", key: AdminKey)).Status.ShouldBe(HttpStatusCode.BadRequest); // over 90 days
        (await GetAsync("v1/models/billing-events?limit=0", key: AdminKey)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await GetAsync("v1/models/billing-events?cursor=nope", key: AdminKey)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Billing_events_switched_off_answer_not_found_with_the_platform_error_body()
    {
        await StartAsync(new FalEmulatorOptions { ServeBillingEvents = false });
        var (status, body) = await GetAsync("v1/models/billing-events", key: AdminKey);
        status.ShouldBe(HttpStatusCode.NotFound);
        ErrorType(body).ShouldBe("not_found");
        (await GetAsync("v1/models/billing-events")).Status.ShouldBe(HttpStatusCode.Forbidden); // the scope is still checked first
    }

    [Fact]
    public async Task Request_history_lists_started_requests_with_payloads_unless_store_io_is_off_and_filters_and_pages()
    {
        var image = await UploadAsync();
        var ok = await RunJobAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = image });
        var hidden = await RunJobAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "quiet", ["image_url"] = image }, new() { ["X-Fal-Store-IO"] = "0" });
        var refused = await RunJobAsync("fal-ai/pika/v2.2/image-to-video", new JsonObject { ["prompt"] = "walk", ["image_url"] = "https://cdn.example.com/gone.png" });

        var (status, all) = await GetAsync("v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&expand=payloads");
        status.ShouldBe(HttpStatusCode.OK, all.ToJsonString());
        var items = all["items"]!.AsArray().ToDictionary(i => i!["request_id"]!.GetValue<string>(), i => i!.AsObject());
        items.Keys.ShouldBe([ok, hidden, refused], ignoreOrder: true);
        items[ok]["json_input"]!["prompt"]!.GetValue<string>().ShouldBe("walk");
        items[ok]["json_output"]!["video"]!["url"].ShouldNotBeNull();
        items[ok]["status_code"]!.GetValue<int>().ShouldBe(200);
        items[ok]["duration"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        DateTimeOffset.Parse(items[ok]["sent_at"]!.GetValue<string>()).ShouldBeLessThanOrEqualTo(DateTimeOffset.Parse(items[ok]["started_at"]!.GetValue<string>()));
        items[hidden].ContainsKey("json_input").ShouldBeFalse();
        items[refused]["status_code"]!.GetValue<int>().ShouldBe(422);

        var (_, errors) = await GetAsync("v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&status=user_error");
        errors["items"]!.AsArray().Select(i => i!["request_id"]!.GetValue<string>()).ShouldBe([refused]);
        var (_, one) = await GetAsync($"v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&request_id={ok}");
        one["items"]!.AsArray().ShouldHaveSingleItem()!["request_id"]!.GetValue<string>().ShouldBe(ok);
        one["items"]![0]!.AsObject().ContainsKey("json_input").ShouldBeFalse("payloads only with expand=payloads");

        var (_, first) = await GetAsync("v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&limit=2");
        first["items"]!.AsArray().Count.ShouldBe(2);
        first["has_more"]!.GetValue<bool>().ShouldBeTrue();
        var (_, second) = await GetAsync($"v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&limit=2&cursor={Uri.EscapeDataString(first["next_cursor"]!.GetValue<string>())}");
        second["items"]!.AsArray().Count.ShouldBe(1);
        second["has_more"]!.GetValue<bool>().ShouldBeFalse();

        var future = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var (_, later) = await GetAsync($"v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video&start={Uri.EscapeDataString(future)}");
        later["items"]!.AsArray().ShouldBeEmpty();
        (await GetAsync("v1/models/requests/by-endpoint")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_queued_request_is_not_in_the_history_until_a_runner_takes_it()
    {
        await _emulator.DisposeAsync();
        _emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { GpusPerEndpoint = 1, LatencyScale = 1, RequiredKey = ApiKey, CacheDirectory = _dir.File("cache") }, ModelCatalog.BuiltIn);
        _http = new HttpClient { BaseAddress = _emulator.BaseUri };
        var image = await UploadAsync();
        var (_, running) = await SendAsync(HttpMethod.Post, "fal-ai/pika/v2.2/image-to-video", body: new JsonObject { ["prompt"] = "walk", ["image_url"] = image });
        var (_, queued) = await SendAsync(HttpMethod.Post, "fal-ai/pika/v2.2/image-to-video", body: new JsonObject { ["prompt"] = "walk", ["image_url"] = image });
        queued["queue_position"]!.GetValue<int>().ShouldBe(1);
        for (var i = 0; i < 200; i++)
        {
            var (_, state) = await GetAsync(running["status_url"]!.GetValue<string>());
            if (state["status"]!.GetValue<string>() == "IN_PROGRESS") break;
            await Task.Delay(25);
        }
        var (_, history) = await GetAsync("v1/models/requests/by-endpoint?endpoint_id=fal-ai/pika/v2.2/image-to-video");
        var item = history["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["request_id"]!.GetValue<string>().ShouldBe(running["request_id"]!.GetValue<string>());
        item["ended_at"].ShouldBeNull();
        item["status_code"].ShouldBeNull();
    }

    [Fact]
    public async Task A_rate_limit_fault_answers_429_with_the_platform_error_body_and_retry_after()
    {
        await StartAsync(new FalEmulatorOptions { Faults = [FaultRule.Parse("platform=rate-limited x1")] });
        using var response = await _http.GetAsync("v1/models");
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        ErrorType((await response.Content.ReadFromJsonAsync<JsonObject>())!).ShouldBe("rate_limited");
        (await GetAsync("v1/models")).Status.ShouldBe(HttpStatusCode.OK);
        _emulator.GetStats().PlatformCalls.ShouldBe(2);
    }
}
