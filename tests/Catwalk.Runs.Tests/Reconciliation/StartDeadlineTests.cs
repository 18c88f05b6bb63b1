using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Reconciliation;

/// <summary>A job fal drops unstarted at its start deadline was never billed: the engine sends it once more, in the same run.</summary>
public class StartDeadlineTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_dropped_at_its_start_deadline_is_sent_again_once_and_arrives(string engine)
    {
        // One GPU per endpoint: the second video waits behind the first (≈5 s) past its 2.5 s start deadline.
        await using var h = await RunsHarness.StartAsync(engine, latencyScale: 0.1, gpus: 1, fal: o => o.StartDeadline = TimeSpan.FromSeconds(2.5));
        var run = await h.Runs.CreateAsync(h.Batch(2, ["pika"]), h.OutputRoot, true);

        var outcome = await h.Runs.ExecuteAsync(run);

        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => $"{j.ModelKey} {j.State} {j.Error}")));
        var pika = ModelCatalog.BuiltIn.Get("pika").EndpointId;
        h.Submissions(pika).ShouldBe(3); // two, and the one dropped unstarted once more
        var dropped = outcome.Jobs.Where(j => j.Stage == StageKind.Video).ToList();
        var events = (await Task.WhenAll(dropped.Select(j => h.Store.Store.GetEventsAsync(j.Id)))).SelectMany(e => e).ToList();
        events.ShouldContain(e => e.State == "cancelled" && e.Detail!.Contains("start deadline") && e.Detail.Contains("not billed"));
        outcome.Jobs.Sum(j => j.ChargedUsd).ShouldBe(outcome.Jobs.Sum(j => j.CostUsd ?? 0));
    }
}
