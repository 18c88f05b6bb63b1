using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Prompts;
using Catwalk.Runs.Planning;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Planning;

/// <summary>Every angle of a look: one image per image model and angle, the angle in the prompt, keys, files and metadata; try-on models refused off the front before any spend.</summary>
public class AngleTests
{
    [Fact]
    public async Task Three_image_models_by_four_video_models_by_two_angles_is_one_graph_priced_up_front()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika", "kling", "ltx", "veo3"]) with
        {
            ImageModels = ["nano-banana-edit", "seedream-edit", "flux-kontext-multi"], Angles = [CameraAngle.Front, CameraAngle.Back],
        };
        var plan = h.Runs.Plan(spec);
        plan.ImageJobs.ShouldBe(3 * 2);
        plan.VideoJobs.ShouldBe(3 * 2 * 4);
        plan.Jobs.Where(j => j.Stage == StageKind.Image).Select(j => (j.ModelKey, j.InputKey)).ShouldContain(("seedream-edit", "p0/o0/default/back"));
        plan.Jobs.Where(j => j.Stage == StageKind.Video).Select(j => j.InputKey).Distinct().Count().ShouldBe(3 * 2);
        plan.Jobs.ShouldContain(j => j.ModelKey == "kling" && j.InputKey == "p0/o0/default/flux-kontext-multi/back@default");
        var imageCost = new[] { "nano-banana-edit", "seedream-edit", "flux-kontext-multi" }.Sum(k => CostEstimator.ForImages(ModelCatalog.BuiltIn.Get(k), 1).Usd) * 2;
        plan.EstimatedCostUsd.ShouldBe(imageCost + plan.VideoPlans.Values.Single().EstimatedUsd * 6);
        InputKeys.AngleOf(spec, "p0/o0/default/back").ShouldBe(CameraAngle.Back);
        InputKeys.AngleOf(spec with { Angles = [] }, "p0/o0/default/back").ShouldBeNull();
    }

    [Fact]
    public async Task A_try_on_model_is_refused_for_any_angle_but_the_front_before_anything_is_stored_or_sent()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika"]) with { ImageModels = ["nano-banana-edit", "fashn-tryon"], Angles = [CameraAngle.Front, CameraAngle.Side] };
        var error = Should.Throw<InvalidInputException>(() => h.Runs.Plan(spec));
        error.Message.ShouldBe("fashn-tryon cannot shoot the side angle(s): it dresses the person picture as it is and keeps their pose. Leave it out of --image-models, or ask only for --angles front. Nothing was sent.");
        await Should.ThrowAsync<InvalidInputException>(() => h.Runs.CreateAsync(spec, h.OutputRoot, true));
        (await h.Store.Store.ListRunsAsync()).ShouldBeEmpty();
        h.TotalSubmissions.ShouldBe(0);
        h.Runs.Plan(spec with { Angles = [CameraAngle.Front] }).ImageJobs.ShouldBe(2); // its own angle is fine
    }

    [Fact]
    public void The_angle_is_an_instruction_in_the_image_prompt_and_the_default_shot_stops_facing_the_camera()
    {
        var refs = new ReferenceSet(new ReferenceImage(ReferenceRole.Person, "p.png", "image/png", 10, 10, 100, "00"), null, []);
        var prompts = new PromptBuilder();
        var back = prompts.BuildImagePrompt(new LookRequest(refs, new PersonAttributes(), new EnvironmentAttributes(), null) { Angle = CameraAngle.Back });
        back.ShouldContain("Camera angle: back view, seen from behind");
        back.ShouldNotContain("facing the camera");
        prompts.BuildImagePrompt(new LookRequest(refs, new PersonAttributes(), new EnvironmentAttributes(), null)).ShouldNotContain("Camera angle");
        CameraAngles.Parse("front, Three-Quarter,side,front").ShouldBe([CameraAngle.Front, CameraAngle.ThreeQuarter, CameraAngle.Side]);
        CameraAngles.Parse("all").Count.ShouldBe(4);
        Should.Throw<InvalidInputException>(() => CameraAngles.Parse("top")).Message.ShouldBe("--angles: 'top' is not an angle; the angles are front, three-quarter, side, back (or all).");
    }

    [Fact]
    public async Task A_run_with_two_angles_makes_an_image_of_each_with_its_own_prompt_file_and_metadata()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika"]) with { Angles = [CameraAngle.Front, CameraAngle.ThreeQuarter] };
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));
        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => j.Error)));
        var images = outcome.Jobs.Where(j => j.Stage == StageKind.Image).OrderBy(j => j.InputKey, StringComparer.Ordinal).ToList();
        images.Select(j => j.InputKey).ShouldBe(["p0/o0/default/front", "p0/o0/default/three-quarter"]);
        images.Select(j => j.FilePath).Distinct().Count().ShouldBe(2);
        images[1].FilePath.ShouldNotBeNull().ShouldContain("three-quarter");
        images[1].MetadataJson.ShouldNotBeNull().Replace(" ", "").ShouldContain("\"angle\":\"three-quarter\"");
        images[1].ArgumentsJson.ShouldNotBeNull().ShouldContain("three-quarter view");
        images[0].ArgumentsJson.ShouldNotBeNull().ShouldContain("front view");
        outcome.Jobs.Where(j => j.Stage == StageKind.Video).Select(j => j.InputKey).Order().ShouldBe(["p0/o0/default/front@default", "p0/o0/default/three-quarter@default"]);
        outcome.Jobs.Single(j => j.InputKey.EndsWith("three-quarter@default")).MetadataJson.ShouldNotBeNull().Replace(" ", "").ShouldContain("\"angle\":\"three-quarter\"");
    }

    [Fact]
    public async Task A_turnaround_is_one_more_video_per_model_from_the_front_image_with_a_prompt_for_the_turn()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika", "ltx"], [5, 8]) with { Angles = [CameraAngle.Front, CameraAngle.Back], Turnaround = true };
        var plan = h.Runs.Plan(spec);
        var turns = plan.Jobs.Where(j => InputKeys.IsTurnaround(j.InputKey)).ToList();
        turns.Select(j => (j.ModelKey, j.InputKey, j.RequestedDuration)).Order().ShouldBe([("ltx", "p0/o0/default/front/turnaround@5s", (int?)5), ("pika", "p0/o0/default/front/turnaround@5s", 5)]);
        turns.ShouldAllBe(j => j.InputJobId == plan.Jobs.Single(i => i.InputKey == "p0/o0/default/front").Id);
        plan.VideoJobs.ShouldBe(2 * 2 * 2 + 2);

        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"]) with { Turnaround = true }, h.OutputRoot, true));
        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        var turn = outcome.Jobs.Single(j => InputKeys.IsTurnaround(j.InputKey));
        turn.ArgumentsJson.ShouldNotBeNull().ShouldContain("360-degree turn");
        outcome.Jobs.Single(j => j.Stage == StageKind.Video && !InputKeys.IsTurnaround(j.InputKey)).ArgumentsJson.ShouldNotBeNull().ShouldNotContain("360-degree");
        turn.FilePath.ShouldNotBeNull().ShouldContain("turnaround");
    }
}
