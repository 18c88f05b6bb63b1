using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Fal.Platform;

namespace Catwalk.Fal.Tests;

/// <summary>The typed Platform API client against the emulator over loopback: paging, search, OpenAPI, prices, estimates, the ADMIN scope, history, retries.</summary>
public class FalPlatformClientTests
{
    private const string Key = "client-id:client-secret-0011";
    private const string Admin = "admin-id:admin-secret-2233";

    private static Task<FalHarness> StartAsync(string? clientAdminKey = null, string[]? faults = null, int maxRetries = 1, decimal percentDiscount = 0) =>
        FalHarness.StartAsync(requiredKey: Key, clientKey: Key, adminKey: Admin, clientAdminKey: clientAdminKey, faults: faults, maxRetries: maxRetries, percentDiscount: percentDiscount);

    [Fact]
    public async Task Models_page_through_every_endpoint_and_search_and_find_with_openapi()
    {
        await using var h = await StartAsync();
        var all = new List<FalModel>();
        string? cursor = null;
        do
        {
            var page = await h.Platform.GetModelsAsync(new FalModelQuery { Limit = 5, Cursor = cursor });
            page.Items.Count.ShouldBeLessThanOrEqualTo(5);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        all.Select(m => m.EndpointId).ShouldBeUnique();
        all.Count.ShouldBe(ModelCatalog.BuiltIn.Models.Count + 3);
        all.ShouldAllBe(m => m.Metadata != null && m.OpenApi == null);

        var kling = await h.Platform.GetModelsAsync(new FalModelQuery { Text = "kling", Category = "image-to-video" });
        kling.Items.Select(m => m.EndpointId).ShouldContain("fal-ai/kling-video/v2.5-turbo/standard/image-to-video");
        kling.Items.ShouldAllBe(m => m.Metadata!.Category == "image-to-video");

        var found = await h.Platform.GetModelsAsync(new FalModelQuery { EndpointIds = ["alibaba/happy-horse/image-to-video"], WithOpenApi = true });
        var horse = found.Items.ShouldHaveSingleItem();
        horse.Metadata!.DisplayName.ShouldBe("Happy Horse");
        horse.OpenApi!["components"]!["schemas"]!["HappyHorseImageToVideoInput"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["image_url"]);
    }

    [Fact]
    public async Task Prices_and_estimates_come_back_typed_and_an_unknown_endpoint_is_a_not_found_error()
    {
        await using var h = await StartAsync();
        var prices = await h.Platform.GetPricesAsync(["fal-ai/veo3/image-to-video", "fal-ai/nano-banana/edit"]);
        prices.Single(p => p.EndpointId == "fal-ai/veo3/image-to-video").ShouldBe(new FalPrice("fal-ai/veo3/image-to-video", 0.2m, "seconds", "USD"));
        prices.Single(p => p.EndpointId == "fal-ai/nano-banana/edit").Unit.ShouldBe("images");
        (await h.Platform.EstimateUnitsAsync(new Dictionary<string, decimal> { ["fal-ai/veo3/image-to-video"] = 8 })).ShouldBe(1.6m);
        (await h.Platform.EstimateCallsAsync(new Dictionary<string, int> { ["fal-ai/nano-banana/edit"] = 10 })).ShouldBe(0.39m);
        var error = await Should.ThrowAsync<FalPlatformException>(() => h.Platform.GetPricesAsync(["fal-ai/nope/image-to-video"]));
        error.Type.ShouldBe("not_found");
        error.StatusCode.ShouldBe(404);
        error.Message.ShouldContain("fal-ai/nope/image-to-video");
    }

    [Fact]
    public async Task Usage_with_a_normal_key_says_it_needs_an_admin_key_and_with_one_matches_the_catalog_price_of_what_ran()
    {
        await using var plain = await StartAsync();
        var image = await plain.UploadImageAsync();
        await plain.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image, duration: "6s"));
        var refused = await Should.ThrowAsync<FalPlatformException>(() => plain.Platform.GetUsageAsync(new FalUsageQuery(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1))));
        refused.NeedsAdminKey.ShouldBeTrue();
        refused.Message.ShouldContain("Admin API key");
        refused.Message.ShouldNotContain("secret");

        await using var admin = await StartAsync(clientAdminKey: Admin);
        var adminImage = await admin.UploadImageAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        await admin.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(adminImage, duration: "6s"));
        var usage = await admin.Platform.GetUsageAsync(new FalUsageQuery(start, DateTimeOffset.UtcNow.AddSeconds(1)) { BoundToTimeframe = false, EndpointIds = ["fal-ai/veo3/image-to-video"] });
        var line = usage.Summary.ShouldHaveSingleItem();
        var veo3 = ModelCatalog.BuiltIn.Get("veo3");
        line.CostTotal.ShouldBe(CostEstimator.ForVideo(veo3, new ModelSettings(6, veo3.DefaultResolution, veo3.DefaultAspectRatio, true, 24)).Usd);
        line.Quantity.ShouldBe(6);
        usage.TimeSeries.ShouldHaveSingleItem().Results.Sum(r => r.CostTotal).ShouldBe(line.CostTotal);
        (plain.Logs.ToString() + admin.Logs.ToString()).ShouldNotContain("secret");
    }

    [Fact]
    public async Task Billing_events_come_back_typed_per_request_with_the_discount_page_by_cursor_and_a_429_is_retried()
    {
        await using var h = await StartAsync(clientAdminKey: Admin, faults: ["platform=rate-limited x1"], maxRetries: 2, percentDiscount: 10);
        var image = await h.UploadImageAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var six = await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image, duration: "6s"));
        var four = await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image, duration: "4s"));
        var query = new FalBillingEventQuery(start, DateTimeOffset.UtcNow.AddSeconds(1)) { EndpointIds = ["fal-ai/veo3/image-to-video"], Limit = 1 };

        var first = await h.Platform.GetBillingEventsAsync(query);
        h.Emulator.GetStats().PlatformCalls.ShouldBe(2); // the 429, then its retry
        first.HasMore.ShouldBeTrue();
        var second = await h.Platform.GetBillingEventsAsync(query with { Cursor = first.NextCursor });
        second.HasMore.ShouldBeFalse();
        var rows = first.Items.Concat(second.Items).ToDictionary(e => e.RequestId);
        rows.Keys.ShouldBe([six.Request.RequestId, four.Request.RequestId], ignoreOrder: true);

        var veo3 = ModelCatalog.BuiltIn.Get("veo3");
        var listed = CostEstimator.ForVideo(veo3, new ModelSettings(6, veo3.DefaultResolution, veo3.DefaultAspectRatio, true, 24)).Usd;
        var row = rows[six.Request.RequestId];
        row.EndpointId.ShouldBe("fal-ai/veo3/image-to-video");
        row.OutputUnits.ShouldBe(6m);
        row.PercentDiscount.ShouldBe(10m);
        row.CostSubtotal.ShouldBe(listed);
        row.CostTotal.ShouldBe(Math.Round(listed * 0.9m, 6));
        row.CostDiscount.ShouldBe(row.CostSubtotal - row.CostTotal);
        row.CostEstimateNanoUsd.ShouldBe((long)(row.CostTotal * 1_000_000_000m));
        row.Timestamp.ShouldBeGreaterThan(start);
        rows[four.Request.RequestId].OutputUnits.ShouldBe(4m);
        h.Logs.ToString().ShouldNotContain("secret");
    }

    [Fact]
    public async Task Billing_events_with_a_normal_key_say_they_need_an_admin_key()
    {
        await using var h = await StartAsync();
        var refused = await Should.ThrowAsync<FalPlatformException>(() => h.Platform.GetBillingEventsAsync(new FalBillingEventQuery(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow)));
        refused.NeedsAdminKey.ShouldBeTrue();
        refused.Message.ShouldContain("billing-events");
        refused.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task Request_history_finds_a_request_with_its_payloads()
    {
        await using var h = await StartAsync();
        var image = await h.UploadImageAsync();
        var result = await h.Client.SubscribeAsync("fal-ai/veo3/image-to-video", FalHarness.Veo3Input(image));
        var page = await h.Platform.GetRequestsAsync(new FalRequestQuery("fal-ai/veo3/image-to-video") { RequestId = result.Request.RequestId, WithPayloads = true });
        var record = page.Items.ShouldHaveSingleItem();
        record.StatusCode.ShouldBe(200);
        record.EndedAt.ShouldNotBeNull();
        record.Input!["image_url"]!.GetValue<string>().ShouldBe(image);
        record.Output!["video"].ShouldNotBeNull();
        page.HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task A_429_from_the_platform_api_is_retried_after_its_retry_after()
    {
        await using var h = await StartAsync(faults: ["platform=rate-limited x1"], maxRetries: 2);
        var page = await h.Platform.GetModelsAsync(new FalModelQuery { EndpointIds = ["fal-ai/veo3/image-to-video"] });
        page.Items.ShouldHaveSingleItem();
        h.Emulator.GetStats().PlatformCalls.ShouldBe(2);
    }
}
