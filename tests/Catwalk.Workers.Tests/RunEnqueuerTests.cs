using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;
using Hangfire;
using Hangfire.States;

namespace Catwalk.Workers.Tests;

public class RunEnqueuerTests
{
    [PostgresFact]
    public async Task Each_looks_image_is_enqueued_and_its_videos_wait_on_it_on_the_runs_queue()
    {
        await using var postgres = await TestPostgres.CreateAsync();
        await using var h = await WorkersHarness.StartAsync("sqlite", workers: 1);
        var storage = HangfireStorageFactory.Create(postgres.DatabaseConnectionString);
        var run = await h.StoreRunAsync(h.Batch(2, ["pika", "ltx"]));
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        // One look's image is already saved (a re-enqueued run): its videos go straight to the queue.
        var saved = jobs.First(j => j.Stage == StageKind.Image);
        foreach (var state in new[] { JobState.Submitting, JobState.Submitted, JobState.Completed, JobState.Downloaded })
            await h.Runs.MoveAsync(saved.Id, state, new JobUpdate { RequestId = "r1" });

        var count = new RunEnqueuer(new BackgroundJobClient(storage)).Enqueue(run, await h.Runs.GetJobsAsync(run.Id));

        count.ShouldBe(5); // 1 image + 4 videos; the saved image is not enqueued again
        var monitoring = storage.GetMonitoringApi();
        monitoring.EnqueuedCount(WorkerQueues.Emulated).ShouldBe(3); // the other look's image, and the saved look's 2 videos
        monitoring.EnqueuedCount(WorkerQueues.Fal).ShouldBe(0);
        var enqueued = monitoring.EnqueuedJobs(WorkerQueues.Emulated, 0, 10).Select(j => j.Value.Job.Args[1]).ToList();
        enqueued.ShouldContain(jobs.Single(j => j.Stage == StageKind.Image && j.Id != saved.Id).Id);
        enqueued.ShouldNotContain(saved.Id);
        using var connection = storage.GetConnection();
        // The waiting look's 2 videos are continuations of its image job, created in the same go.
        var awaiting = 0;
        foreach (var (_, hangfireId) in monitoring.EnqueuedJobs(WorkerQueues.Emulated, 0, 10).Select(j => (j.Value, j.Key)))
            awaiting += connection.GetJobParameter(hangfireId, "Continuations") is { Length: > 2 } continuations ? continuations.Split("JobId").Length - 1 : 0;
        awaiting.ShouldBe(2);
    }

    private static Runs.Specs.RunSpec RunSpecOf(RunRecord run) => Runs.RunService.SpecOf(run);
}
