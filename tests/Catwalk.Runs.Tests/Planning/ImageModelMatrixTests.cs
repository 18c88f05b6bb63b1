using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Runs.Planning;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Planning;

/// <summary>Image models as a comparison axis: every image model dresses every look and every video model animates every image.</summary>
public class ImageModelMatrixTests
{
    private static readonly string[] ImageModels = ["nano-banana-edit", "seedream-edit", "flux-kontext-multi"];
    private static readonly string[] VideoModels = ["pika", "kling", "ltx", "veo3"];

    [Fact]
    public async Task Three_image_models_by_four_video_models_by_two_durations_is_planned_and_priced_before_anything_is_sent()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(2, VideoModels, [5, 8]) with { ImageModels = ImageModels };
        var plan = h.Runs.Plan(spec);

        plan.ImageJobs.ShouldBe(2 * 3);
        plan.VideoJobs.ShouldBe(2 * 3 * 4 * 2);
        plan.Jobs.Select(j => (j.Stage, j.ModelKey, j.InputKey)).Distinct().Count().ShouldBe(plan.Jobs.Count); // the journal's key
        foreach (var image in plan.Jobs.Where(j => j.Stage == StageKind.Image))
        {
            var videos = plan.Jobs.Where(j => j.InputJobId == image.Id).ToList();
            videos.Count.ShouldBe(4 * 2);
            videos.ShouldAllBe(v => v.LookId == image.LookId && v.InputKey.StartsWith($"{image.LookId}/{image.ModelKey}@"));
        }
        var catalog = ModelCatalog.BuiltIn;
        var imageCost = 2 * ImageModels.Sum(k => CostEstimator.ForImages(catalog.Get(k), 1).Usd);
        plan.Jobs.Where(j => j.Stage == StageKind.Image).Sum(j => j.EstimatedCostUsd).ShouldBe(imageCost);
        var videoCost = plan.VideoPlans.Values.Sum(p => p.EstimatedUsd) * 2 * 3;
        plan.EstimatedCostUsd.ShouldBe(imageCost + videoCost);
        plan.ImageJobUsd.ShouldBe(imageCost / 2); // one look's image stage
    }

    [Fact]
    public async Task One_image_model_keeps_the_original_input_keys_and_file_names()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var plan = h.Runs.Plan(h.Batch(1, ["pika"]) with { ImageModels = ["seedream-edit"] });
        plan.Jobs.Single(j => j.Stage == StageKind.Image).ModelKey.ShouldBe("seedream-edit");
        plan.Jobs.Single(j => j.Stage == StageKind.Video).InputKey.ShouldBe("p0/o0/default@default");
    }

    [Fact]
    public void Image_models_are_checked_against_the_catalog_in_words()
    {
        var catalog = ModelCatalog.BuiltIn;
        ImageModelSelection.Resolve(catalog, "seedream-edit, nano-banana-edit,seedream-edit").ShouldBe(["seedream-edit", "nano-banana-edit"]);
        ImageModelSelection.Resolve(catalog, "all").ShouldContain("fashn-tryon");
        ImageModelSelection.Resolve(catalog, "all").ShouldNotContain("nano-banana"); // text to image: cannot dress a given person
        ImageModelSelection.Resolve(catalog, null).ShouldBe(["nano-banana-edit"]);
        Should.Throw<InvalidInputException>(() => ImageModelSelection.Resolve(catalog, "seedrem-edit")).Message.ShouldStartWith("Unknown image model 'seedrem-edit'. Image models: nano-banana-edit");
        Should.Throw<InvalidInputException>(() => ImageModelSelection.Resolve(catalog, "kling")).Message.ShouldContain("is a video model");
        Should.Throw<InvalidInputException>(() => ImageModelSelection.Resolve(catalog, "nano-banana")).Message.ShouldContain("cannot dress a given person");
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_matrix_run_makes_every_image_and_every_video_of_each_with_files_of_their_own(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var spec = h.Batch(1, ["pika", "ltx"]) with { ImageModels = ["nano-banana-edit", "seedream-edit"] };
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));

        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => $"{j.ModelKey} {j.InputKey}: {j.Error}")));
        outcome.Jobs.Count.ShouldBe(2 + 4);
        outcome.Jobs.Select(j => j.FilePath).Distinct().Count().ShouldBe(6); // no file written over another
        h.Submissions("fal-ai/bytedance/seedream/v4/edit").ShouldBe(1);
        h.Submissions("fal-ai/nano-banana/edit").ShouldBe(1);
        outcome.Looks.Select(l => l.ImageModel).ShouldBe(["nano-banana-edit", "seedream-edit"]);
        foreach (var look in outcome.Looks) look.Videos.Single().Outcomes.Count.ShouldBe(2);
        var images = outcome.Jobs.Where(j => j.Stage == StageKind.Image).ToDictionary(j => j.Id);
        foreach (var video in outcome.Jobs.Where(j => j.Stage == StageKind.Video))
            video.InputKey.ShouldBe($"p0/o0/default/{images[video.InputJobId!].ModelKey}@default");

        var matrix = Catwalk.Runs.Reports.ReportBuilder.Build(outcome.Jobs, [outcome.Run.Id], DateTimeOffset.UtcNow).Matrix;
        matrix.Select(c => (c.ImageModel, c.VideoModel, c.Jobs, c.Succeeded)).ShouldBe(
            [("nano-banana-edit", "ltx", 1, 1), ("nano-banana-edit", "pika", 1, 1), ("seedream-edit", "ltx", 1, 1), ("seedream-edit", "pika", 1, 1)]);
        matrix.ShouldAllBe(c => c.Latency != null && c.CostUsd > 0);
        Catwalk.Runs.Reports.MatrixCell.Of([.. outcome.Jobs.Where(j => j.ModelKey != "seedream-edit" && !j.InputKey.Contains("seedream"))]).ShouldBeEmpty(); // one image model: no matrix
    }
}
