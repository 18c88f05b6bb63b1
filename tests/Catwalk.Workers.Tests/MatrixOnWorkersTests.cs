using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Runs.Engine;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Workers.Tests;

/// <summary>
/// An image-model matrix with a try-on chain, run job by job by two workers in the order the queue's continuations give
/// (each job once its input ended): every job done, each sent once, the same graph one process would make.
/// </summary>
public class MatrixOnWorkersTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Two_workers_finish_a_matrix_with_a_try_on_chain_sending_each_job_once(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var look = h.Look("p0/o0/default", 1);
        var bottom = TestImages.WritePng(Path.Combine(h.Folder.Path, "in", "bottom.png"), 320, 480, 42);
        var spec = h.Batch(1, ["pika", "ltx"]) with
        {
            Looks = [look with { OutfitImages = [.. look.OutfitImages, bottom], OutfitGarments = [GarmentCategory.Top, GarmentCategory.Bottom] }],
            ImageModels = ["nano-banana-edit", "fashn-tryon"],
        };
        var run = await h.StoreRunAsync(spec);
        var graph = new JobGraph(await h.Runs.GetJobsAsync(run.Id));
        graph.Jobs.Count.ShouldBe(1 + 2 + 2 * 2); // nano's image, FASHN's two calls, two videos of each

        // As Hangfire's continuations start them: a job once the job it consumes has ended, on either worker.
        var started = new Dictionary<string, Task>(StringComparer.Ordinal);
        var next = 0;
        Task Start(JobRecord job)
        {
            lock (started)
            {
                if (started.TryGetValue(job.Id, out var task)) return task;
                var worker = next++ % 2;
                return started[job.Id] = Task.Run(async () =>
                {
                    if (graph.Find(job.InputJobId ?? "") is { } input) await Start(input);
                    await h.Worker(worker).RunAsync(run.Id, job.Id, default);
                });
            }
        }
        await Task.WhenAll(graph.Jobs.Select(Start));

        var jobs = await h.Runs.GetJobsAsync(run.Id);
        jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", jobs.Select(j => $"{j.ModelKey} {j.InputKey} {j.State} {j.Error}")));
        h.TotalSubmissions.ShouldBe(jobs.Count);
        jobs.Select(j => j.RequestId).ShouldBeUnique();
        var fashnEnd = jobs.Single(j => j is { ModelKey: "fashn-tryon", InputKey: "p0/o0/default" });
        fashnEnd.InputJobId.ShouldBe(jobs.Single(j => j.InputKey == "p0/o0/default~1-top").Id);
        jobs.Where(j => j.Stage == StageKind.Video && j.InputKey.StartsWith("p0/o0/default/fashn-tryon@")).ShouldAllBe(j => j.InputJobId == fashnEnd.Id);
        jobs.Select(j => j.FilePath).ShouldBeUnique();
    }
}
