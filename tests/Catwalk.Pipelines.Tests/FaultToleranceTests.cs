using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Pipelines.Tests;

public class FaultToleranceTests
{
    [Fact]
    public async Task Under_twenty_percent_faults_on_every_stage_all_eight_models_finish_and_each_job_is_submitted_once()
    {
        await using var h = await PipelineHarness.StartAsync(maxRetries: 6, latencyScale: 0.005, faults:
        [
            "submit=rate-limited:0.1", "submit=unavailable:0.1", "status=unavailable:0.2", "status=reset:0.1",
            "stream=stream-cut:0.2", "result=bad-gateway:0.2", "download=truncated:0.2", "upload=unavailable:0.2",
        ]);
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Settings = new VideoSettings { DurationSeconds = 2 } });

        result.Failed.ShouldBeEmpty(string.Join("; ", result.Failed.Select(f => $"{f.ModelKey}: {f.Error}")));
        var stats = h.Emulator.GetStats();
        foreach (var model in ModelCatalog.BuiltIn.VideoModels) stats.Endpoints[model.EndpointId].Submissions.ShouldBe(1, model.Key);
        foreach (var outcome in result.Outcomes) (await Ffprobe.ProbeAsync(outcome.Video!.FullPath)).VideoCodec.ShouldBe("h264");
    }

    [Fact]
    public async Task A_lost_submit_ends_as_unknown_may_have_been_billed_and_the_other_models_are_saved()
    {
        await using var h = await PipelineHarness.StartAsync(faults: ["submit@kling=lost-submit x1"]);
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Models = ["kling", "pika"] });
        var kling = result.Outcomes.Single(o => o.ModelKey == "kling");
        kling.Status.ShouldBe(JobOutcomeStatus.Unknown);
        kling.Error.ShouldNotBeNull().ShouldContain("may have queued and billed");
        result.Outcomes.Single(o => o.ModelKey == "pika").Status.ShouldBe(JobOutcomeStatus.Succeeded);
        h.Emulator.GetStats().Endpoints["fal-ai/kling-video/v2.6/pro/image-to-video"].Submissions.ShouldBe(1);
    }
}
