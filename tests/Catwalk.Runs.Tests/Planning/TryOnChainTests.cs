using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Planning;

/// <summary>A try-on model dresses one garment a call: the planner chains its calls, top, then bottom, each dressing the one before's image.</summary>
public class TryOnChainTests
{
    private static LookSpec Look(RunsHarness h) => h.Look("p0/o0/default", 1) with
    {
        OutfitImages = [h.Image("shoes.png", 3), h.Image("trousers.png", 4), h.Image("top.png", 5)],
        OutfitGarments = [GarmentCategory.Shoes, GarmentCategory.Bottom, GarmentCategory.Top],
    };

    [Fact]
    public async Task The_chain_is_top_then_bottom_each_consuming_the_last_and_the_videos_consume_its_end()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var look = Look(h);
        var spec = h.Batch(1, ["pika", "ltx"]) with { Looks = [look], ImageModels = ["fashn-tryon", "nano-banana-edit"] };
        var plan = h.Runs.Plan(spec);

        var chain = plan.Jobs.Where(j => j.ModelKey == "fashn-tryon").ToList();
        chain.Select(j => j.InputKey).ShouldBe(["p0/o0/default~1-top", "p0/o0/default"]); // shoes: not something FASHN dresses
        chain[0].InputJobId.ShouldBeNull();
        chain[1].InputJobId.ShouldBe(chain[0].Id);
        var fashn = CostEstimator.ForImages(ModelCatalog.BuiltIn.Get("fashn-tryon"), 1).Usd;
        chain.ShouldAllBe(j => j.EstimatedCostUsd == fashn); // a call per garment
        plan.Jobs.Where(j => j.Stage == StageKind.Video && j.InputKey.Contains("fashn-tryon")).ShouldAllBe(j => j.InputJobId == chain[1].Id);
        plan.Jobs.Count(j => j.Stage == StageKind.Video).ShouldBe(2 * 2);
        plan.Jobs.Single(j => j.ModelKey == "nano-banana-edit").InputJobId.ShouldBeNull(); // a multi-image model dresses all at once

        var steps = TryOnChain.Steps(look, ModelCatalog.BuiltIn.Get("fashn-tryon"), null);
        steps.Select(s => (s.Category, s.Garments.Single())).ShouldBe([(GarmentCategory.Top, 2), (GarmentCategory.Bottom, 1)]);
        TryOnChain.LeftOut(spec, ModelCatalog.BuiltIn).ShouldBe(["fashn-tryon does not dress shoes: 'shoes.png' of look 'p0/o0/default' is left out of its image."]);
    }

    [Fact]
    public async Task A_look_with_nothing_the_model_can_dress_is_refused_before_anything_is_stored()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var look = h.Look("p0/o0/default", 1) with { OutfitImages = [h.Image("shoes.png", 3)], OutfitGarments = [GarmentCategory.Shoes] };
        var spec = h.Batch(1, ["pika"]) with { Looks = [look], ImageModels = ["kolors-tryon"] };
        Should.Throw<InvalidInputException>(() => h.Runs.Plan(spec)).Message.ShouldStartWith("kolors-tryon dresses the person in the outfit's pictures (top, bottom, one-piece), and look 'p0/o0/default' has none it can dress");
        (await h.Store.Store.ListRunsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_step_dresses_the_image_of_the_step_before_and_the_video_animates_the_last()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika"]) with { Looks = [Look(h)], ImageModels = ["fashn-tryon"] };
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));

        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => $"{j.InputKey}: {j.Error}")));
        h.Submissions("fal-ai/fashn/tryon/v1.6").ShouldBe(2);
        var first = outcome.Jobs.Single(j => j.InputKey.EndsWith("~1-top"));
        var last = outcome.Jobs.Single(j => j is { Stage: StageKind.Image, InputKey: "p0/o0/default" });
        first.ArgumentsJson.ShouldNotBeNull().ShouldContain("\"category\":\"tops\"");
        last.ArgumentsJson.ShouldNotBeNull().ShouldContain("\"category\":\"bottoms\"");
        // The second call's person is the first call's image, as fal returned it (no upload of our own copy).
        var firstUrl = System.Text.Json.JsonDocument.Parse(first.ResultJson!).RootElement.GetProperty("images")[0].GetProperty("url").GetString()!;
        System.Text.Json.JsonDocument.Parse(last.ArgumentsJson!).RootElement.GetProperty("model_image").GetString().ShouldBe(firstUrl);
        outcome.Jobs.Single(j => j.Stage == StageKind.Video).InputJobId.ShouldBe(last.Id);
        outcome.Looks.ShouldHaveSingleItem().Image.ShouldNotBeNull(); // the look's image is the chain's end
        first.FilePath.ShouldNotBe(last.FilePath);
    }
}
