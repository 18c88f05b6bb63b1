using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>What fal billed for jobs (report --billed), recorded in one write and read back with the jobs, on both engines.</summary>
public class JobBillingTests
{
    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Bills_of_several_jobs_are_recorded_in_one_write_read_back_with_the_jobs_and_replaced_by_a_later_fetch(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var run = Jobs.Run();
        var (veo3, kling, never) = (Jobs.Job(run, "veo3"), Jobs.Job(run, "kling"), Jobs.Job(run, "luma"));
        await t.Store.CreateRunAsync(run, [veo3, kling, never]);
        var fresh = (await t.Store.GetJobAsync(veo3.Id)).ShouldNotBeNull();
        (fresh.BilledUsd, fresh.BilledAt, fresh.BilledSource, fresh.BilledFrom).ShouldBe((null, null, null, null));

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        (await t.Store.RecordBilledAsync([new JobBill(veo3.Id, 0.384m, BillingSource.BillingEvents), new JobBill(kling.Id, 0.123456m, BillingSource.Usage), new JobBill("no-such-job", 1m, BillingSource.Usage)]))
            .ShouldBe(2);
        var jobs = (await t.Store.GetJobsAsync(run.Id)).ToDictionary(j => j.Id);
        jobs[veo3.Id].BilledUsd.ShouldBe(0.384m);
        jobs[veo3.Id].BilledSource.ShouldBe("billing_events");
        jobs[veo3.Id].BilledFrom.ShouldBe(BillingSource.BillingEvents);
        jobs[veo3.Id].BilledAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(before);
        jobs[kling.Id].BilledUsd.ShouldBe(0.123456m);
        jobs[kling.Id].BilledFrom.ShouldBe(BillingSource.Usage);
        jobs[never.Id].BilledUsd.ShouldBeNull("a job without a bill keeps none");
        jobs[veo3.Id].State.ShouldBe(veo3.State);
        (await t.Store.GetEventsAsync(veo3.Id)).ShouldBeEmpty("a bill is not a state change");

        (await t.Store.RecordBilledAsync([new JobBill(veo3.Id, 0.3m, BillingSource.Usage)])).ShouldBe(1);
        var again = (await t.Store.GetJobAsync(veo3.Id)).ShouldNotBeNull();
        (again.BilledUsd, again.BilledFrom).ShouldBe((0.3m, BillingSource.Usage));
        (await t.Store.RecordBilledAsync([])).ShouldBe(0);
    }
}
