using Catwalk.Domain;
using System.Collections.Concurrent;
using System.Diagnostics;
using Catwalk.Store;

namespace Catwalk.Workers.Tests;

public class WorkerTraceTests
{
    [Fact]
    public async Task Jobs_of_one_run_done_by_two_workers_are_one_trace_whose_id_is_the_run_id()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Catwalk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var h = await WorkersHarness.StartAsync("sqlite");
        var run = await h.StoreRunAsync(h.Batch(1, ["pika", "ltx"]));
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        foreach (var image in jobs.Where(j => j.Stage == StageKind.Image)) await h.Worker(0).RunAsync(run.Id, image.Id, default);
        var videos = jobs.Where(j => j.Stage == StageKind.Video).ToList();
        (await Task.WhenAll(videos.Select((v, i) => h.Worker(i % 2).RunAsync(run.Id, v.Id, default)))).ShouldAllBe(s => s == JobState.Downloaded);

        var trace = spans.Where(s => s.TraceId.ToHexString() == run.Id).ToList();
        var workerJobs = trace.Where(s => s.DisplayName == "worker_job").ToList();
        workerJobs.Select(s => s.GetTagItem("catwalk.job.id")).ShouldBe(jobs.Select(j => (object)j.Id), ignoreOrder: true);
        workerJobs.Select(s => s.GetTagItem("catwalk.worker")).Distinct().Count().ShouldBe(2, "both workers' spans are in the run's trace");
        workerJobs.Select(s => s.ParentSpanId).Distinct().ShouldHaveSingleItem("all under the run's one (unrecorded) parent");
        foreach (var workerJob in workerJobs)
        {
            var job = trace.Where(s => s.ParentSpanId == workerJob.SpanId && s.DisplayName == "job").ShouldHaveSingleItem();
            trace.Where(s => s.ParentSpanId == job.SpanId).Select(s => s.DisplayName).ShouldContain("submit");
        }
    }
}
