using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Workers.Tests;

/// <summary>Workers share what they uploaded through the store: one worker's references are the next one's URLs.</summary>
public class ReferenceReuseTests
{
    private static IReadOnlyList<string> SentUrls(JobRecord job) =>
        [.. JsonNode.Parse(job.ArgumentsJson!)!["image_urls"]!.AsArray().Select(u => u!.GetValue<string>())];

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_worker_sends_the_references_another_worker_uploaded_for_an_earlier_run_and_uploads_nothing(string engine)
    {
        await using var h = await WorkersHarness.StartAsync(engine);
        var first = await h.StoreRunAsync(h.Batch(1, ["pika"]));
        var second = await h.StoreRunAsync(h.Batch(1, ["pika"])); // the same look: the same person and outfit pictures
        async Task<JobRecord> ImageJob(RunRecord run) => (await h.Runs.GetJobsAsync(run.Id)).Single(j => j.Stage == StageKind.Image);

        (await h.Worker(0).RunAsync(first.Id, (await ImageJob(first)).Id, default)).ShouldBe(JobState.Downloaded);
        h.Emulator.GetStats().Uploads.ShouldBe(2);
        (await h.Worker(1).RunAsync(second.Id, (await ImageJob(second)).Id, default)).ShouldBe(JobState.Downloaded);

        h.Emulator.GetStats().Uploads.ShouldBe(2);
        SentUrls(await ImageJob(second)).ShouldBe(SentUrls(await ImageJob(first)));
    }
}
