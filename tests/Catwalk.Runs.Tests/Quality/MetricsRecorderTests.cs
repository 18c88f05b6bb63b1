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

        var videos = outcome.Jobs.Where(j => j.Stage == "video").ToList();
        videos.Count.ShouldBe(2);
        foreach (var job in videos)
        {
            var metrics = MetricsJson.Deserialize(job.MetricsJson).ShouldNotBeNull(job.ModelKey);
            metrics.FirstFrameSsim.ShouldNotBeNull(); // measured against the look's generated image
            metrics.DurationErrorSec.ShouldNotBeNull().ShouldBe(0, 0.2);
            metrics.Width.ShouldBeGreaterThan(0);
        }
        outcome.Jobs.Single(j => j.Stage == "image").MetricsJson.ShouldBeNull();
        var report = ReportBuilder.Build(outcome.Jobs, [outcome.Run.Id], DateTimeOffset.UtcNow);
        report.Models.Single(m => m.ModelKey == "pika").Quality.ShouldNotBeNull().Measured.ShouldBe(1);
        report.Models.Single(m => m.Stage == "image").Quality.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_run_without_metrics_is_measured_later_on_request(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var outcome = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true));
        var video = outcome.Jobs.Single(j => j.Stage == "video");
        video.MetricsJson.ShouldBeNull();
        (await MetricsRecorder.MeasureAsync(h.Store.Store, video, h.OutputRoot, default)).ShouldBeTrue();
        MetricsJson.Deserialize((await h.Store.Store.GetJobAsync(video.Id))!.MetricsJson).ShouldNotBeNull().MotionScore.ShouldNotBeNull();
        (await MetricsRecorder.MeasureAsync(h.Store.Store, outcome.Jobs.Single(j => j.Stage == "image"), h.OutputRoot, default)).ShouldBeFalse();
    }
}
