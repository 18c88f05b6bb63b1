using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catwalk.Catalog;
using Catwalk.Testing;

namespace Catwalk.Pipelines.Tests;

public class VideoPipelineTests
{
    [Fact]
    public async Task All_eight_models_make_playable_videos_at_their_own_settings_from_one_upload()
    {
        await using var h = await PipelineHarness.StartAsync();
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walks towards the camera", Settings = new VideoSettings { DurationSeconds = 4 } });

        result.Outcomes.Select(o => (o.ModelKey, o.Status)).ShouldBe(ModelCatalog.BuiltIn.VideoModels.Select(m => (m.Key, JobOutcomeStatus.Succeeded)), $"errors: {string.Join("; ", result.Failed.Select(f => f.Error))}");
        foreach (var outcome in result.Outcomes)
        {
            var probe = await Ffprobe.ProbeAsync(outcome.Video!.FullPath);
            var settings = outcome.Response!.Settings;
            probe.VideoCodec.ShouldBe("h264", outcome.ModelKey);
            probe.DurationSeconds.ShouldBe(settings.DurationSeconds, 0.15, outcome.ModelKey);
            probe.Fps.ShouldBe(settings.Fps, 0.01, outcome.ModelKey);
            Math.Min(probe.Width, probe.Height).ShouldBe(VideoGeometry.ShortSide(settings.Resolution!), outcome.ModelKey);
            outcome.Metadata!.File.SizeBytes.ShouldBe(new FileInfo(outcome.Video.FullPath).Length);
        }
        var stats = h.Emulator.GetStats();
        stats.Uploads.ShouldBe(1); // the image went up once, for all eight models
        foreach (var model in ModelCatalog.BuiltIn.VideoModels) stats.Endpoints[model.EndpointId].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task One_duration_for_several_models_gives_each_the_nearest_it_supports_and_says_so()
    {
        await using var h = await PipelineHarness.StartAsync();
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest
        {
            ImagePath = h.Image(), Prompt = "walk", Models = ["veo3", "kling", "luma"], Settings = new VideoSettings { DurationSeconds = 7 },
        });
        var got = result.Outcomes.ToDictionary(o => o.ModelKey, o => o.Metadata!);
        (got["veo3"].DurationSec, got["kling"].DurationSec, got["luma"].DurationSec).ShouldBe((8, 5, 9));
        got.Values.ShouldAllBe(m => m.RequestedDurationSec == 7);
        got["veo3"].Arguments["duration"]!.GetValue<string>().ShouldBe("8s");
        got["kling"].Arguments["duration"]!.GetValue<string>().ShouldBe("5");
    }

    [Fact]
    public async Task A_duration_one_model_cannot_take_is_refused_before_anything_is_uploaded_or_submitted()
    {
        await using var h = await PipelineHarness.StartAsync();
        var error = await Should.ThrowAsync<UnsupportedSettingException>(() => h.Get<VideoPipeline>().RunAsync(new VideoStageRequest
        {
            ImagePath = h.Image(), Prompt = "walk", Models = ["veo3"], Settings = new VideoSettings { DurationSeconds = 7 },
        }));
        error.Message.ShouldContain("4s, 6s, 8s");
        var stats = h.Emulator.GetStats();
        stats.Uploads.ShouldBe(0);
        stats.Endpoints.Values.Sum(e => e.Submissions).ShouldBe(0);
    }

    [Fact]
    public async Task A_ninth_model_added_purely_as_data_runs_end_to_end()
    {
        await using var h = await PipelineHarness.StartAsync(catalogFiles: ["ninth-model.json"]);
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Models = ["wan"], Settings = new VideoSettings { DurationSeconds = 3 } });
        var outcome = result.Outcomes.ShouldHaveSingleItem();
        outcome.Status.ShouldBe(JobOutcomeStatus.Succeeded, outcome.Error);
        var probe = await Ffprobe.ProbeAsync(outcome.Video!.FullPath);
        probe.Fps.ShouldBe(16, 0.01);
        probe.DurationSeconds.ShouldBe(3, 0.15);
        h.Emulator.GetStats().Endpoints["fal-ai/wan/v2.2/image-to-video"].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_model_that_fal_rejects_fails_alone_with_the_field_named_and_the_others_are_saved()
    {
        await using var h = await PipelineHarness.StartAsync(catalogFiles: ["broken-model.json"]);
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Models = ["veo3-broken", "pika", "ltx"] });
        var broken = result.Outcomes.Single(o => o.ModelKey == "veo3-broken");
        broken.Status.ShouldBe(JobOutcomeStatus.Failed);
        broken.Error.ShouldNotBeNull().ShouldContain("resolution");
        result.Succeeded.Select(o => o.ModelKey).ShouldBe(["pika", "ltx"]);
    }

    [Fact]
    public async Task Outputs_follow_the_original_layout_with_the_original_and_new_metadata_fields()
    {
        await using var h = await PipelineHarness.StartAsync();
        var result = await h.Get<VideoPipeline>().RunAsync(new VideoStageRequest { ImagePath = h.Image(), Prompt = "walk", Models = ["grok"], Settings = new VideoSettings { DurationSeconds = 2 } });
        var outcome = result.Outcomes.Single();
        var relative = Path.GetRelativePath(h.Outputs.Path, outcome.Video!.FullPath).Replace('\\', '/');
        relative.ShouldMatch(@"^videos/\d{4}_\d{2}_\d{2}/grok/video_\d{8}_\d{6}_[0-9a-f]{6}\.mp4$");
        var meta = JsonNode.Parse(File.ReadAllText(outcome.MetadataPath!))!.AsObject();
        Path.GetFileName(outcome.MetadataPath!).ShouldBe(Regex.Replace(Path.GetFileName(outcome.Video.FullPath), "^video_(.*)\\.mp4$", "meta_$1.json"));
        foreach (var field in new[] { "prompt", "model", "duration_sec", "reference_image", "latency_sec", "timestamp", "raw_response",
                     "run_id", "request_id", "endpoint", "arguments", "latency", "estimated_cost_usd", "file", "emulated" })
            meta.ContainsKey(field).ShouldBeTrue(field);
        meta["latency"]!.AsObject().Select(p => p.Key).ShouldBe(["queue_wait_sec", "inference_sec", "download_sec", "total_sec"], ignoreOrder: true);
        meta["file"]!["sha256"]!.GetValue<string>().Length.ShouldBe(64);
        meta["emulated"]!.GetValue<bool>().ShouldBeTrue();
        meta["raw_response"]!["video"]!["url"].ShouldNotBeNull();
        h.Outputs.AllFiles().ShouldNotContain(f => f.Contains(".part") || f.Contains(".tmp-"));
    }
}
