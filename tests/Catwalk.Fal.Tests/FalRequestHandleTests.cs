namespace Catwalk.Fal.Tests;

public class FalRequestHandleTests
{
    [Theory]
    [InlineData("fal-ai/veo3/image-to-video", "fal-ai/veo3")]
    [InlineData("fal-ai/bytedance/seedance/v1.5/pro/image-to-video", "fal-ai/bytedance")]
    [InlineData("fal-ai/flux", "fal-ai/flux")]
    [InlineData("/fal-ai/flux/dev/", "fal-ai/flux")]
    [InlineData("workflows/me/my-flow/run", "workflows/me/my-flow")]
    [InlineData("comfy/me/graph", "comfy/me/graph")]
    [InlineData("1234-my-app", "1234/my-app")]
    public void Owner_app_follows_fals_parseEndpointId(string endpointId, string ownerApp) =>
        new FalRequestHandle(endpointId, "r1").OwnerApp.ShouldBe(ownerApp);

    [Fact]
    public void A_single_segment_id_is_refused_by_name() =>
        Should.Throw<ArgumentException>(() => new FalRequestHandle("veo3", "r1").OwnerApp).Message.ShouldContain("'veo3' is not a fal endpoint id");

    [Fact]
    public void A_copy_with_another_endpoint_has_that_endpoints_owner_app() =>
        (new FalRequestHandle("fal-ai/veo3/x", "r1") with { EndpointId = "fal-ai/kling-video/v2" }).OwnerApp.ShouldBe("fal-ai/kling-video");

    [Fact]
    public async Task An_invalid_endpoint_fails_before_anything_is_sent()
    {
        var client = new FalQueueClient(new ThrowingFactory(), Microsoft.Extensions.Options.Options.Create(new FalOptions()), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FalQueueClient>.Instance);
        await Should.ThrowAsync<ArgumentException>(() => client.SubmitAsync("veo3", new System.Text.Json.Nodes.JsonObject()));
    }

    private sealed class ThrowingFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("no HTTP expected");
    }
}
