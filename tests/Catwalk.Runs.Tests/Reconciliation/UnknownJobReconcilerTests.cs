using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Fal.Platform;
using Catwalk.Runs.Reconciliation;
using Catwalk.Store;
using Catwalk.Testing;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Tests.Reconciliation;

/// <summary>
/// A job left unknown (its submit's answer lost) is decided from fal's request history on resume: adopted when fal has
/// it, sent again once fal can no longer start it, left unknown (saying until when) otherwise. The emulator keeps fal's
/// history; its counters say what was really sent.
/// </summary>
public class UnknownJobReconcilerTests
{
    private static string Pika => ModelCatalog.BuiltIn.Get("pika").EndpointId;

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_fal_has_is_adopted_and_collected_without_a_second_submission(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine, faults: ["submit@pika=lost-submit x1"], latencyScale: 0.01);
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true);
        var first = await h.Runs.ExecuteAsync(run);
        var lost = first.Jobs.Single(j => j.Stage == StageKind.Video);
        lost.State.ShouldBe(JobState.Unknown);
        lost.SendStartedAt.ShouldNotBeNull();
        lost.StartDeadlineSec.ShouldBe(1800);
        await ListedAsync(h, Pika, 1);

        var reopened = await h.Runs.ReopenAsync(run, retryFailed: false, resubmitUnknown: false, reconcile: true);

        var adopted = reopened.Reconciled.ShouldHaveSingleItem();
        adopted.Verdict.ShouldBe(ReconcileVerdict.Adopted, adopted.Reason);
        var resumed = await h.Runs.ExecuteAsync(run);
        resumed.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", resumed.Jobs.Select(j => $"{j.ModelKey} {j.State} {j.Error}")));
        resumed.Jobs.Single(j => j.Id == lost.Id).RequestId.ShouldBe(adopted.RequestId);
        h.Submissions(Pika).ShouldBe(1);
        (await h.Store.Store.GetEventsAsync(lost.Id)).ShouldContain(e => e.State == "submitted" && e.Detail!.Contains("request history"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_fal_never_got_stays_unknown_until_its_start_deadline_then_is_sent_once(string engine)
    {
        // The connection drops after the submit left: Catwalk cannot know whether fal has it (here it does not).
        await using var h = await RunsHarness.StartAsync(engine, faults: ["submit@pika=reset x1"], latencyScale: 0.01,
            fal: o => (o.StartDeadline, o.RequestHistoryLag) = (TimeSpan.FromSeconds(2), TimeSpan.Zero));
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true);
        var first = await h.Runs.ExecuteAsync(run);
        var lost = first.Jobs.Single(j => j.Stage == StageKind.Video);
        lost.State.ShouldBe(JobState.Unknown);
        lost.StartDeadlineSec.ShouldBe(2);

        var early = (await h.Runs.ReopenAsync(run, retryFailed: false, resubmitUnknown: false, reconcile: true)).Reconciled.ShouldHaveSingleItem();
        early.Verdict.ShouldBe(ReconcileVerdict.StillUnknown);
        early.Reason.ShouldContain("a resume after");
        (await h.Store.Store.GetJobAsync(lost.Id))!.State.ShouldBe(JobState.Unknown);

        await Task.Delay(DeadlinePassed(lost, TimeSpan.FromSeconds(2)));
        var late = (await h.Runs.ReopenAsync(run, retryFailed: false, resubmitUnknown: false, reconcile: true)).Reconciled.ShouldHaveSingleItem();
        late.Verdict.ShouldBe(ReconcileVerdict.Resent, late.Reason);
        late.Reason.ShouldContain("not billed");
        var resumed = await h.Runs.ExecuteAsync(run);
        resumed.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        h.Submissions(Pika).ShouldBe(1); // the reset one never reached the queue
    }

    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_request_another_job_holds_is_never_adopted_twice(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine, latencyScale: 0.01);
        var done = await h.Runs.ExecuteAsync(await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true));
        var sent = done.Jobs.Single(j => j.Stage == StageKind.Video);
        sent.State.ShouldBe(JobState.Downloaded);
        // A second run whose video was sent with the very same input, and whose answer was lost.
        var other = await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true);
        var twin = (await h.Store.Store.GetJobsAsync(other.Id)).Single(j => j.Stage == StageKind.Video);
        (await h.Store.Store.MoveAsync(twin.Id, JobState.Submitting, new JobUpdate
            { ArgumentsJson = sent.ArgumentsJson, SendStartedAt = sent.SendStartedAt, StartDeadlineSec = 1800 })).ShouldBeTrue();
        (await h.Store.Store.MoveAsync(twin.Id, JobState.Unknown, new JobUpdate { Error = "lost" })).ShouldBeTrue();

        var reconciled = (await h.Runs.ReopenAsync(other, retryFailed: false, resubmitUnknown: false, reconcile: true)).Reconciled.ShouldHaveSingleItem();

        reconciled.Verdict.ShouldBe(ReconcileVerdict.StillUnknown);
        reconciled.Reason.ShouldContain("deadline");
        (await h.Store.Store.GetJobAsync(twin.Id))!.RequestId.ShouldBeNull();
    }

    [Fact]
    public void Inputs_are_the_same_call_whatever_their_key_order_and_number_spelling_and_data_uris_compare_elided()
    {
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(new byte[12 * 1024]);
        var recorded = JsonNode.Parse($$$"""{"prompt":"walk","duration":5,"image_url":"{{{Catwalk.Fal.FalDataUri.Elide(dataUri)}}}","extra":{"a":[1,2]}}""");
        var sent = $$$"""{"extra":{"a":[1.0,2]},"image_url":"{{{dataUri}}}","duration":5.0,"prompt":"walk"}""";
        CanonicalJson.SameInput(recorded, JsonNode.Parse(sent)).ShouldBeTrue();
        CanonicalJson.SameInput(recorded, JsonNode.Parse(sent.Replace("\"walk\"", "\"run\""))).ShouldBeFalse();
        CanonicalJson.SameInput(recorded, JsonNode.Parse(sent.Replace("[1.0,2]", "[2,1]"))).ShouldBeFalse();
        CanonicalJson.SameInput(recorded, JsonNode.Parse(sent.Replace("\"duration\":5.0,", ""))).ShouldBeFalse();
    }

    private static TimeSpan DeadlinePassed(JobRecord job, TimeSpan deadline)
    {
        var wait = DateTimeOffset.FromUnixTimeMilliseconds(job.SendStartedAt!.Value) + deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>fal lists a request once it has started: wait for the emulator's runner to take it.</summary>
    private static async Task ListedAsync(RunsHarness h, string endpoint, int count)
    {
        var platform = h.Services.GetRequiredService<IFalPlatformClient>();
        for (var i = 0; i < 200; i++)
        {
            if ((await platform.GetRequestsAsync(new FalRequestQuery(endpoint))).Items.Count >= count) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{endpoint}: fewer than {count} request(s) listed");
    }
}
