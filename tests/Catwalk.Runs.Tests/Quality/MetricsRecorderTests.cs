using Catwalk.Domain;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reports;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Quality;

public class MetricsRecorderTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Every_downloaded_video_is_measured_and_stored_before_the_run_returns(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika", "ltx"], metrics: true), h.OutputRoot, true));

        var videos = outcome.Jobs.Where(j => j.Stage == StageKind.Video).ToList();
        videos.Count.ShouldBe(2);
        foreach (var job in videos)
        {
            var metrics = MetricsJson.Deserialize(job.MetricsJson).ShouldNotBeNull(job.ModelKey);
            metrics.FirstFrameSsim.ShouldNotBeNull(); // measured against the look's generated image
            metrics.DurationErrorSec.ShouldNotBeNull().ShouldBe(0, 0.2);
            metrics.Width.ShouldBeGreaterThan(0);
        }
        MetricsJson.Deserialize(outcome.Jobs.Single(j => j.Stage == StageKind.Image).MetricsJson).ShouldBeNull(); // an image has no pixel metrics
        var report = ReportBuilder.Build(outcome.Jobs, [outcome.Run.Id], DateTimeOffset.UtcNow);
        report.Models.Single(m => m.ModelKey == "pika").Quality.ShouldNotBeNull().Measured.ShouldBe(1);
        (report.Models.Single(m => m.Stage == StageKind.Image).Quality?.Measured ?? 0).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_without_metrics_is_measured_later_on_request(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true));
        var video = outcome.Jobs.Single(j => j.Stage == StageKind.Video);
        video.MetricsJson.ShouldBeNull();
        (await MetricsRecorder.MeasureAsync(h.Store.Store, video, h.OutputRoot, default)).ShouldBeTrue();
        MetricsJson.Deserialize((await h.Store.Store.GetJobAsync(video.Id))!.MetricsJson).ShouldNotBeNull().MotionScore.ShouldNotBeNull();
        (await MetricsRecorder.MeasureAsync(h.Store.Store, outcome.Jobs.Single(j => j.Stage == StageKind.Image), h.OutputRoot, default)).ShouldBeFalse();
    }

    [VisionFact]
    public async Task A_run_measures_fashion_against_its_looks_references_and_only_fashion_adds_them_later()
    {
        await using var h = await RunsHarness.StartAsync("sqlite");
        var spec = h.Batch(1, ["pika"], metrics: true) with { MetricFrames = 8 };
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(spec, h.OutputRoot, true));
        var video = outcome.Jobs.Single(j => j.Stage == StageKind.Video);
        var fashion = MetricsJson.Deserialize(video.MetricsJson).ShouldNotBeNull().Fashion.ShouldNotBeNull();
        fashion.FramesSampled.ShouldBe(spec.MetricFrames);
        fashion.FullBodyShare.ShouldNotBeNull(); // the emulator lays the look's pictures out: about the emulator only
        var image = MetricsJson.DeserializeFashion(outcome.Jobs.Single(j => j.Stage == StageKind.Image).MetricsJson).ShouldNotBeNull();
        image.FramesSampled.ShouldBe(1); // the generated image, measured before the videos are judged
        ReportBuilder.Build(outcome.Jobs, [outcome.Run.Id], DateTimeOffset.UtcNow).Models.Single(m => m.Stage == StageKind.Image).Quality.ShouldNotBeNull().FashionMeasured.ShouldBe(1);

        // Pixel metrics stored without fashion (an old run): --only fashion adds them and keeps the rest as it was.
        var pixels = MetricsJson.Deserialize(video.MetricsJson)! with { Fashion = null, Flags = [] };
        await h.Store.Store.SaveMetricsAsync(video.Id, MetricsJson.Serialize(pixels));
        var stored = (await h.Store.Store.GetJobAsync(video.Id))!;
        (await MetricsRecorder.MeasureAsync(h.Store.Store, stored, h.OutputRoot, default, spec, MetricsPart.Fashion)).ShouldBeTrue();
        var again = MetricsJson.Deserialize((await h.Store.Store.GetJobAsync(video.Id))!.MetricsJson).ShouldNotBeNull();
        again.Fashion.ShouldNotBeNull().FramesSampled.ShouldBe(spec.MetricFrames);
        (again.MotionScore, again.FirstFrameSsim).ShouldBe((pixels.MotionScore, pixels.FirstFrameSsim));
        again.Flags.ShouldBe(again.Fashion.Flags);
        var quality = ReportBuilder.Build([.. outcome.Jobs.Where(j => j.Id != video.Id), (await h.Store.Store.GetJobAsync(video.Id))!], [outcome.Run.Id], DateTimeOffset.UtcNow)
            .Models.Single(m => m.ModelKey == "pika").Quality.ShouldNotBeNull();
        quality.FashionMeasured.ShouldBe(1);
        quality.FullBodyShare.ShouldBe(again.Fashion.FullBodyShare);
    }
}
