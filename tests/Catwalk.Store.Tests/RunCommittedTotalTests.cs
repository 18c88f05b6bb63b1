using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>
/// The run's running total of what its jobs cost or may cost (kept by the store's triggers, read by every slot taken)
/// against the sum over its jobs (<see cref="JobRecord.ChargedUsd"/>): through reserve, send, settle, failure and
/// resume, with two stores on one database moving the same run's jobs at once, and after upgrading an older store.
/// </summary>
public class RunCommittedTotalTests
{
    /// <summary>What a slot taken now reports as the run's committed money (a fresh job's slot, reserving nothing).</summary>
    private static async Task<decimal> CommittedAsync(IRunStore store, RunRecord run)
    {
        var probe = Jobs.Job(run, input: $"probe-{Guid.NewGuid():N}");
        await store.AddJobsAsync([probe]);
        var slot = await store.TryTakeSlotAsync(new SlotRequest
        {
            JobId = probe.Id, RunId = run.Id, EndpointId = "probe", Owner = "probe", EndpointLimit = 1_000, TimeToLive = TimeSpan.FromMinutes(5),
        });
        slot.Outcome.ShouldBe(SlotOutcome.Granted);
        await store.ReleaseSlotAsync(probe.Id, "probe");
        return slot.CommittedUsd;
    }

    private static async Task<decimal> SumOfJobsAsync(IRunStore store, RunRecord run) => (await store.GetJobsAsync(run.Id)).Sum(j => j.ChargedUsd);

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_total_follows_reserve_send_settle_fail_and_resume(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 4).Select(i => Jobs.Job(run, input: $"look{i}") with { EstimatedCostUsd = 0.40m + 0.1m * i }).ToList();
        await t.Store.CreateRunAsync(run, jobs);
        async Task ShouldBeAsync(decimal expected, string step)
        {
            (await SumOfJobsAsync(t.Store, run)).ShouldBe(expected, step);
            (await CommittedAsync(t.Store, run)).ShouldBe(expected, step);
        }
        await ShouldBeAsync(0m, "planned jobs cost nothing yet");

        var reserved = await t.Store.TryTakeSlotAsync(new SlotRequest
        {
            JobId = jobs[0].Id, RunId = run.Id, EndpointId = jobs[0].EndpointId, Owner = "w", EndpointLimit = 9, BudgetUsd = 5m, ReserveUsd = 0.40m, TimeToLive = TimeSpan.FromMinutes(5),
        });
        reserved.Outcome.ShouldBe(SlotOutcome.Granted);
        (await CommittedAsync(t.Store, run)).ShouldBe(0.40m, "a reservation counts while its job is not sent");
        await t.Store.MoveAsync(jobs[0].Id, JobState.Submitting);
        await ShouldBeAsync(0.40m, "sending: the estimate instead of the reservation");
        await t.Store.MoveAsync(jobs[0].Id, JobState.Submitted, new JobUpdate { RequestId = "r0" });
        await t.Store.MoveAsync(jobs[0].Id, JobState.Completed);
        await ShouldBeAsync(0.40m, "at fal and finished: still the estimate");
        await t.Store.MoveAsync(jobs[0].Id, JobState.Downloaded, new JobUpdate { CostUsd = 0.33m });
        await ShouldBeAsync(0.33m, "settled at its cost");
        await t.Store.ReleaseSlotAsync(jobs[0].Id, "w");

        await t.Store.MoveAsync(jobs[1].Id, JobState.Submitting);
        await ShouldBeAsync(0.83m, "a second job being sent");
        await t.Store.MoveAsync(jobs[1].Id, JobState.Failed, new JobUpdate { Error = "refused" });
        await ShouldBeAsync(0.33m, "failed: nothing");
        await t.Store.MoveAsync(jobs[1].Id, JobState.Planned);
        await t.Store.MoveAsync(jobs[1].Id, JobState.Submitting);
        await ShouldBeAsync(0.83m, "resumed and sent again");

        await t.Store.MoveAsync(jobs[2].Id, JobState.Submitting);
        await t.Store.MoveAsync(jobs[2].Id, JobState.Unknown);
        await ShouldBeAsync(1.43m, "unknown: fal may be billing it");
        await t.Store.MoveAsync(jobs[2].Id, JobState.Planned);
        await ShouldBeAsync(0.83m, "fal never started it: back to planned, nothing");

        await t.Store.MoveAsync(jobs[3].Id, JobState.Downloaded, new JobUpdate { CostUsd = 0m, CachedFromJobId = jobs[0].Id });
        await ShouldBeAsync(0.83m, "reused from the cache: free");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Two_workers_moving_one_runs_jobs_at_once_leave_the_exact_total(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await using var second = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot); // another worker process's store
        var run = Jobs.Run();
        var jobs = Enumerable.Range(0, 40).Select(i => Jobs.Job(run, input: $"look{i}") with { EstimatedCostUsd = 0.10m * (1 + i % 7) }).ToList();
        await t.Store.CreateRunAsync(run, jobs);

        async Task WorkAsync(IRunStore store, IEnumerable<JobRecord> mine) => await Task.WhenAll(mine.Select(async (job, i) =>
        {
            await Task.Yield();
            await store.MoveAsync(job.Id, JobState.Submitting);
            await store.MoveAsync(job.Id, JobState.Submitted, new JobUpdate { RequestId = $"r-{job.Id}" });
            if (i % 4 == 3) { await store.MoveAsync(job.Id, JobState.Failed, new JobUpdate { Error = "boom" }); return; }
            await store.MoveAsync(job.Id, JobState.Completed);
            if (i % 4 == 2) return; // finished at fal, not saved yet
            await store.MoveAsync(job.Id, JobState.Downloaded, new JobUpdate { CostUsd = job.EstimatedCostUsd - 0.01m });
        }));
        await Task.WhenAll(WorkAsync(t.Store, jobs.Where((_, i) => i % 2 == 0)), WorkAsync(second, jobs.Where((_, i) => i % 2 == 1)));

        var expected = await SumOfJobsAsync(t.Store, run);
        expected.ShouldBeGreaterThan(1m);
        (await CommittedAsync(t.Store, run)).ShouldBe(expected);
        (await CommittedAsync(second, run)).ShouldBe(expected);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Upgrading_a_store_sets_each_runs_total_from_its_jobs(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var db = engine == "postgres" ? t.Db : Path.Combine(t.OutputRoot, "old.db");
        if (engine == "postgres") await MigratorTests.DropAllAsync(t);
        var (run, other) = (Jobs.Run(), Jobs.Run());
        var jobs = Enumerable.Range(0, 3).Select(i => Jobs.Job(run, input: $"look{i}") with { EstimatedCostUsd = 0.25m }).ToList();
        await using (var old = await RunStoreFactory.OpenAtVersionAsync(db, t.OutputRoot, 8))
        {
            await old.CreateRunAsync(run, jobs);
            await old.CreateRunAsync(other, [Jobs.Job(other)]);
            await old.MoveAsync(jobs[0].Id, JobState.Submitting);
            await old.MoveAsync(jobs[1].Id, JobState.Downloaded, new JobUpdate { CostUsd = 0.2m });
        }
        await using var upgraded = await RunStoreFactory.OpenAsync(db, t.OutputRoot);
        (await CommittedAsync(upgraded, run)).ShouldBe(0.45m);
        (await CommittedAsync(upgraded, other)).ShouldBe(0m);
        await upgraded.MoveAsync(jobs[2].Id, JobState.Submitting);
        (await CommittedAsync(upgraded, run)).ShouldBe(0.70m, "and keeps it from then on");
    }
}
