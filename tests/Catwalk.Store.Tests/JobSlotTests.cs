using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Store.Tests;

/// <summary>Slots: the limits several worker processes share through the store, on both engines.</summary>
public class JobSlotTests
{
    private static SlotRequest For(JobRecord job, string owner, int limit = 2, decimal? budget = null, decimal reserve = 0) => new()
    {
        JobId = job.Id, RunId = job.RunId, EndpointId = job.EndpointId, Owner = owner, EndpointLimit = limit, BudgetUsd = budget,
        ReserveUsd = reserve, TimeToLive = TimeSpan.FromSeconds(30),
    };

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_endpoint_holds_at_most_its_limit_across_owners(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 3).Select(i => Jobs.Job(run, input: $"look{i}")).ToList();
        var other = Jobs.Job(run, "kling");
        await t.Store.CreateRunAsync(run, [.. jobs, other]);

        (await t.Store.TryTakeSlotAsync(For(jobs[0], "worker-a"))).Outcome.ShouldBe(SlotOutcome.Granted);
        (await t.Store.TryTakeSlotAsync(For(jobs[1], "worker-b"))).Outcome.ShouldBe(SlotOutcome.Granted);
        (await t.Store.TryTakeSlotAsync(For(jobs[2], "worker-a"))).Outcome.ShouldBe(SlotOutcome.EndpointFull);
        (await t.Store.TryTakeSlotAsync(For(other, "worker-a"))).Outcome.ShouldBe(SlotOutcome.Granted, "another endpoint has its own limit");

        await t.Store.ReleaseSlotAsync(jobs[1].Id, "worker-b");
        (await t.Store.TryTakeSlotAsync(For(jobs[2], "worker-a"))).Outcome.ShouldBe(SlotOutcome.Granted);
        (await t.Store.ListSlotsAsync()).Select(s => s.JobId).Order()
            .ShouldBe(new[] { jobs[0].Id, jobs[2].Id, other.Id }.Order());
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_job_held_by_a_live_owner_is_refused_to_another_but_granted_again_to_its_owner(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var job = Jobs.Job(run);
        await t.Store.CreateRunAsync(run, [job]);

        (await t.Store.TryTakeSlotAsync(For(job, "worker-a", limit: 1))).Outcome.ShouldBe(SlotOutcome.Granted);
        var refused = await t.Store.TryTakeSlotAsync(For(job, "worker-b", limit: 1));
        (refused.Outcome, refused.Holder).ShouldBe((SlotOutcome.HeldElsewhere, "worker-a"));
        (await t.Store.TryTakeSlotAsync(For(job, "worker-a", limit: 1))).Outcome.ShouldBe(SlotOutcome.Granted);
        await t.Store.ReleaseSlotAsync(job.Id, "worker-b"); // not its slot: nothing happens
        (await t.Store.ListSlotsAsync()).Single().Owner.ShouldBe("worker-a");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_dead_owners_slots_expire_unless_renewed(string engine)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var t = await TestStore.OpenAsync(engine, time: time);
        var run = Jobs.Run();
        var (a, b) = (Jobs.Job(run, input: "a"), Jobs.Job(run, input: "b"));
        await t.Store.CreateRunAsync(run, [a, b]);

        (await t.Store.TryTakeSlotAsync(For(a, "alive", limit: 2))).Outcome.ShouldBe(SlotOutcome.Granted);
        (await t.Store.TryTakeSlotAsync(For(b, "dead", limit: 2))).Outcome.ShouldBe(SlotOutcome.Granted);
        time.Advance(TimeSpan.FromSeconds(20));
        (await t.Store.RenewSlotsAsync("alive", time.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds())).ShouldBe(1);
        time.Advance(TimeSpan.FromSeconds(20));

        (await t.Store.ListSlotsAsync()).Select(s => s.Owner).ShouldBe(["alive"]);
        (await t.Store.TryTakeSlotAsync(For(b, "rescuer", limit: 2))).Outcome.ShouldBe(SlotOutcome.Granted, "the dead worker's job is free again");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_dead_owners_job_at_fal_still_occupies_its_endpoint_until_another_takes_it_over(string engine)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var t = await TestStore.OpenAsync(engine, time: time);
        var run = Jobs.Run();
        var (atFal, waiting) = (Jobs.Job(run, input: "a"), Jobs.Job(run, input: "b"));
        await t.Store.CreateRunAsync(run, [atFal, waiting]);
        (await t.Store.TryTakeSlotAsync(For(atFal, "dead", limit: 1))).Outcome.ShouldBe(SlotOutcome.Granted);
        await t.Store.MoveAsync(atFal.Id, JobState.Submitting);
        await t.Store.MoveAsync(atFal.Id, JobState.Submitted, new JobUpdate { RequestId = "r1" });
        time.Advance(TimeSpan.FromMinutes(5)); // the owner died long ago; fal still runs its job

        (await t.Store.TryTakeSlotAsync(For(waiting, "alive", limit: 1))).Outcome.ShouldBe(SlotOutcome.EndpointFull);
        (await t.Store.ListOrphanedSlotsAsync(atFal.EndpointId)).Single().JobId.ShouldBe(atFal.Id);
        (await t.Store.ListOrphanedSlotsAsync("fal-ai/other")).ShouldBeEmpty();
        (await t.Store.TryTakeSlotAsync(For(atFal, "alive", limit: 1))).Outcome.ShouldBe(SlotOutcome.Granted, "taken over, to be collected by request id");
        (await t.Store.ListOrphanedSlotsAsync(atFal.EndpointId)).ShouldBeEmpty();
        (await t.Store.ListSlotsAsync()).Single().Owner.ShouldBe("alive");
        await t.Store.ReleaseSlotAsync(atFal.Id, "alive");
        (await t.Store.TryTakeSlotAsync(For(waiting, "alive", limit: 1))).Outcome.ShouldBe(SlotOutcome.Granted);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_budget_counts_what_the_run_paid_may_be_paying_and_has_reserved(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 6).Select(i => Jobs.Job(run, input: $"look{i}") with { EstimatedCostUsd = 0.40m }).ToList();
        await t.Store.CreateRunAsync(run, jobs);
        // Saved for $0.30, one at fal ($0.40 estimate), one reserved but not sent yet ($0.40): $1.10 of $1.60.
        await t.Store.MoveAsync(jobs[0].Id, JobState.Submitting);
        await t.Store.MoveAsync(jobs[0].Id, JobState.Submitted, new JobUpdate { RequestId = "r0" });
        await t.Store.MoveAsync(jobs[0].Id, JobState.Completed);
        await t.Store.MoveAsync(jobs[0].Id, JobState.Downloaded, new JobUpdate { CostUsd = 0.30m });
        await t.Store.MoveAsync(jobs[1].Id, JobState.Submitting);
        (await t.Store.TryTakeSlotAsync(For(jobs[2], "a", limit: 9, budget: 1.60m, reserve: 0.40m))).Outcome.ShouldBe(SlotOutcome.Granted);

        var refused = await t.Store.TryTakeSlotAsync(For(jobs[3], "b", limit: 9, budget: 1.60m, reserve: 0.60m));
        (refused.Outcome, refused.CommittedUsd).ShouldBe((SlotOutcome.OverBudget, 1.10m));
        (await t.Store.TryTakeSlotAsync(For(jobs[3], "b", limit: 9, budget: 1.60m, reserve: 0.50m))).Outcome.ShouldBe(SlotOutcome.Granted);
        (await t.Store.TryTakeSlotAsync(For(jobs[4], "b", limit: 9, budget: 1.60m, reserve: 0.01m))).Outcome.ShouldBe(SlotOutcome.OverBudget);
        (await t.Store.TryTakeSlotAsync(For(jobs[4], "b", limit: 9, budget: 1.60m, reserve: 0m))).Outcome.ShouldBe(SlotOutcome.Granted, "collecting a job fal has reserves nothing");

        // A refund (cache hit, never sent) gives the reservation back; a sent job counts its estimate instead.
        await t.Store.RefundSlotAsync(jobs[3].Id, "b");
        (await t.Store.TryTakeSlotAsync(For(jobs[5], "c", limit: 9, budget: 1.60m, reserve: 0.50m))).Outcome.ShouldBe(SlotOutcome.Granted);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Concurrent_takers_never_exceed_the_limit(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 40).Select(i => Jobs.Job(run, input: $"look{i}")).ToList();
        await t.Store.CreateRunAsync(run, jobs);

        var results = await Task.WhenAll(jobs.Select((j, i) => Task.Run(() => t.Store.TryTakeSlotAsync(For(j, $"worker-{i % 4}", limit: 5)))));
        results.Count(r => r.Outcome == SlotOutcome.Granted).ShouldBe(5);
        (await t.Store.ListSlotsAsync()).Count.ShouldBe(5);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Downloads_are_counted_per_minute(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 3).Select(i => Jobs.Job(run, input: $"look{i}")).ToList();
        await t.Store.CreateRunAsync(run, jobs);
        long[] at = [1_700_000_000_000, 1_700_000_010_000, 1_700_000_090_000];
        for (var i = 0; i < 3; i++)
        {
            await t.Store.MoveAsync(jobs[i].Id, JobState.Submitting);
            await t.Store.MoveAsync(jobs[i].Id, JobState.Submitted, new JobUpdate { RequestId = $"r{i}" });
            await t.Store.MoveAsync(jobs[i].Id, JobState.Completed);
            await t.Store.MoveAsync(jobs[i].Id, JobState.Downloaded, new JobUpdate { CompletedAt = at[i] });
        }
        var minutes = await t.Store.DownloadsPerMinuteAsync(1_699_999_000_000);
        minutes.Select(m => m.Downloaded).ShouldBe([2, 1]);
        minutes[0].Minute.ShouldBe(1_700_000_000_000 / 60_000 * 60_000);
    }
}
