using Catwalk.Catalog;

namespace Catwalk.Core.Tests.Catalog;

public class CostEstimatorTests
{
    private static decimal Cost(string key, int seconds, string? resolution = null, bool audio = false, string? aspect = null) =>
        CostEstimator.ForVideo(ModelCatalog.BuiltIn.Get(key), new ModelSettings(seconds, resolution, aspect, audio, 24)).Usd;

    [Fact]
    public void Veo3_bills_per_second_and_double_with_audio()
    {
        Cost("veo3", 8, "720p", audio: true).ShouldBe(3.20m); // fal's example: 8 s with audio = $3.20
        Cost("veo3", 8, "720p", audio: false).ShouldBe(1.60m);
    }

    [Fact]
    public void Kling_five_seconds_with_audio_is_seventy_cents() => Cost("kling", 5, audio: true).ShouldBe(0.70m);

    [Fact]
    public void Ltx_bills_by_resolution()
    {
        Cost("ltx", 6, "1080p").ShouldBe(0.24m);
        Cost("ltx", 10, "2160p").ShouldBe(1.60m);
    }

    [Fact]
    public void Luma_bills_per_five_second_clip_with_duration_and_resolution_multipliers()
    {
        Cost("luma", 5, "540p").ShouldBe(0.50m);
        Cost("luma", 9, "540p").ShouldBe(1.00m);
        Cost("luma", 9, "1080p").ShouldBe(4.00m);
    }

    [Fact]
    public void Pika_bills_per_clip_by_resolution()
    {
        Cost("pika", 5, "720p").ShouldBe(0.20m);
        Cost("pika", 10, "1080p").ShouldBe(0.90m);
    }

    [Fact]
    public void Seedance_bills_video_tokens_as_fal_documents()
    {
        // fal: 720p 5 s with audio ≈ $0.26 (1280 × 720 × 24 × 5 / 1024 = 108,000 tokens × $2.4/M).
        Cost("seedance", 5, "720p", audio: true, aspect: "16:9").ShouldBe(0.2592m);
        Cost("seedance", 5, "720p", audio: false, aspect: "16:9").ShouldBe(0.1296m);
    }

    [Fact]
    public void Hunyuan_and_grok_bill_per_second()
    {
        Cost("hunyuan", 5, "480p").ShouldBe(0.375m);
        Cost("grok", 6, "720p").ShouldBe(0.30m);
    }

    [Fact]
    public void Unpublished_prices_are_marked_unverified()
    {
        CostEstimator.ForVideo(ModelCatalog.BuiltIn.Get("grok"), new ModelSettings(6, "720p", null, true, 24)).Verified.ShouldBeFalse();
        CostEstimator.ForVideo(ModelCatalog.BuiltIn.Get("veo3"), new ModelSettings(6, "720p", null, true, 24)).Verified.ShouldBeTrue();
    }

    [Fact]
    public void Images_bill_per_image() =>
        CostEstimator.ForImages(ModelCatalog.BuiltIn.Get("nano-banana-edit"), 2).Usd.ShouldBe(0.078m);
}
