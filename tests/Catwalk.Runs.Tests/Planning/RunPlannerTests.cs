using Catwalk.Store;
using Catwalk.Domain;
using Catwalk.Catalog;
using Catwalk.Runs.Planning;
using Catwalk.Runs.Specs;

namespace Catwalk.Runs.Tests.Planning;

public class RunPlannerTests
{
    [Fact]
    public async Task A_batch_is_one_image_job_per_look_and_a_video_job_per_look_duration_and_model()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var plan = h.Runs.Plan(h.Batch(3, ["pika", "kling", "veo3"], [5, 8]));
        plan.ImageJobs.ShouldBe(3);
        plan.VideoJobs.ShouldBe(3 * 2 * 3);
        plan.Jobs.Select(j => (j.Stage, j.ModelKey, j.InputKey)).Distinct().Count().ShouldBe(plan.Jobs.Count);
        plan.Jobs.Where(j => j.Stage == StageKind.Video).Select(j => j.InputKey).Distinct().Order().ShouldBe(
            ["p0/o0/default@5s", "p0/o0/default@8s", "p1/o1/default@5s", "p1/o1/default@8s", "p2/o2/default@5s", "p2/o2/default@8s"]);
        plan.EstimatedCostUsd.ShouldBe(plan.Jobs.Sum(j => j.EstimatedCostUsd));
        var veo8 = CostEstimator.ForVideo(ModelCatalog.BuiltIn.Get("veo3"), plan.VideoPlans[8].Items.Single(i => i.Model.Key == "veo3").Fitted.Settings).Usd;
        plan.Jobs.Where(j => j.ModelKey == "veo3" && j.RequestedDuration == 8).ShouldAllBe(j => j.EstimatedCostUsd == veo8);
        plan.PerModel.Single(m => m.ModelKey == "pika").Jobs.ShouldBe(6);
    }

    [Fact]
    public async Task A_duration_a_model_cannot_make_is_refused_when_strict_before_anything_is_planned()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["veo3"], [3]) with { StrictDuration = true };
        Should.Throw<UnsupportedSettingException>(() => h.Runs.Plan(spec)).Message.ShouldContain("Veo");
    }

    [Fact]
    public void Single_look_runs_keep_the_original_file_names_and_batches_tag_theirs()
    {
        var look = new LookSpec { Id = "Ana/denim/cafe" };
        var single = new RunSpec { Kind = RunKind.Run, Looks = [look] };
        InputKeys.ImageTag(single, look).ShouldBeNull();
        InputKeys.VideoTag(single, look, 5).ShouldBeNull();
        InputKeys.VideoTag(single with { Durations = [5, 8] }, look, 5).ShouldBe("5s");
        var batch = single with { Looks = [look, new LookSpec { Id = "b" }] };
        InputKeys.ImageTag(batch, look).ShouldBe("ana-denim-cafe");
        InputKeys.VideoTag(batch, look, null).ShouldBe("ana-denim-cafe-default");
    }

    [Fact]
    public void A_spec_survives_the_store_round_trip()
    {
        var spec = new RunSpec
        {
            Kind = RunKind.Batch, Looks = [new LookSpec { Id = "a", Person = new() { HeightCm = 170, Gender = Domain.Gender.NonBinary }, OutfitImages = ["/x.png"] }],
            Models = ["pika"], Durations = [null, 5], Video = new VideoSettings { Resolution = "720p", Audio = false }, BudgetUsd = 12.5m,
        };
        var back = RunSpecJson.Deserialize(RunSpecJson.Serialize(spec));
        back.Looks.Single().Person.ShouldBe(spec.Looks.Single().Person);
        back.Durations.ShouldBe([null, 5]);
        back.Video.ShouldBe(spec.Video);
        back.BudgetUsd.ShouldBe(12.5m);
        RunSpecJson.Serialize(spec).ShouldContain("\"non_binary\"");
    }
}
