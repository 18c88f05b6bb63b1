using Catwalk.Domain;
using Catwalk.Pipelines.Journal;
using Catwalk.Runs.Journal;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Catwalk.Runs.Tests.Journal;

public class StoreJobGateTests
{
    private static JobRecord Job(string runId, string input) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"), RunId = runId, Stage = StageKind.Video, ModelKey = "pika", EndpointId = "fal-ai/pika/v2.2/image-to-video",
        InputKey = input, EstimatedCostUsd = 0.40m,
    };

    private static async Task<(TestStore, JobRecord, JobRecord)> StoreWithTwoJobsAsync()
    {
        var t = await TestStore.OpenAsync("sqlite");
        var run = new RunRecord { Id = Guid.CreateVersion7().ToString("N"), Kind = RunKind.Batch, OutputRoot = "/tmp/out" };
        var (a, b) = (Job(run.Id, "a"), Job(run.Id, "b"));
        await t.Store.CreateRunAsync(run, [a, b]);
        return (t, a, b);
    }

    [Fact]
    public async Task A_full_endpoint_is_waited_for_until_another_worker_frees_it()
    {
        var (t, a, b) = await StoreWithTwoJobsAsync();
        await using var _ = t;
        var other = new StoreJobGate(t.Store, "other", perEndpoint: 1, budgetUsd: null, TimeSpan.FromSeconds(30), TimeProvider.System);
        var mine = new StoreJobGate(t.Store, "mine", perEndpoint: 1, budgetUsd: null, TimeSpan.FromSeconds(30), TimeProvider.System) { RetryInterval = TimeSpan.FromMilliseconds(20) };
        var held = await other.AcquireAsync(a, 0, default);

        var waiting = mine.AcquireAsync(b, 0, default).AsTask();
        await Task.Delay(300);
        waiting.IsCompleted.ShouldBeFalse("the endpoint's one slot is taken by the other worker");
        await held.DisposeAsync();
        await using var slot = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        (await t.Store.ListSlotsAsync()).Single().Owner.ShouldBe("mine");
    }

    [Fact]
    public async Task Over_the_budget_is_refused_with_what_is_spent_across_workers()
    {
        var (t, a, b) = await StoreWithTwoJobsAsync();
        await using var _ = t;
        var gate = new StoreJobGate(t.Store, "mine", perEndpoint: 4, budgetUsd: 0.50m, TimeSpan.FromSeconds(30), TimeProvider.System);
        await using var first = await gate.AcquireAsync(a, 0.40m, default);

        var e = await Should.ThrowAsync<BudgetExceededException>(() => gate.AcquireAsync(b, 0.40m, default).AsTask());
        e.Message.ShouldContain("$0.40 of the $0.50 budget");
        await first.RefundAsync(); // a's result came from the cache: its reservation is free again
        await using var second = await gate.AcquireAsync(b, 0.40m, default);
    }

    [Fact]
    public async Task A_claimed_job_is_sent_on_its_claim_while_the_claim_is_certainly_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var t = await TestStore.OpenAsync("sqlite", time: time);
        await using var _ = t;
        var run = new RunRecord { Id = Guid.CreateVersion7().ToString("N"), Kind = RunKind.Batch, OutputRoot = "/tmp/out" };
        var job = Job(run.Id, "a");
        await t.Store.CreateRunAsync(run, [job]);
        var gate = new StoreJobGate(t.Store, "mine", perEndpoint: 1, budgetUsd: null, TimeSpan.FromSeconds(30), time);
        await using (var claim = await gate.ClaimAsync(job, default))
        {
            var expires = (await t.Store.ListSlotsAsync()).Single().ExpiresAt;
            time.Advance(TimeSpan.FromSeconds(5));
            await using (await gate.AcquireAsync(job, 0.40m, default)) { }
            // Nothing was asked of the store: the slot is the claim's, unchanged, and still held after the send's slot ended.
            (await t.Store.ListSlotsAsync()).Single().ExpiresAt.ShouldBe(expires);

            time.Advance(TimeSpan.FromSeconds(11)); // past half the claim's life: the store is asked again (and renews it)
            await using (await gate.AcquireAsync(job, 0.40m, default))
                (await t.Store.ListSlotsAsync()).Single().ExpiresAt.ShouldBeGreaterThan(expires);
        }
        (await t.Store.ListSlotsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_a_budget_a_claimed_job_still_reserves_its_estimate_before_it_is_sent()
    {
        var (t, a, b) = await StoreWithTwoJobsAsync();
        await using var _ = t;
        var gate = new StoreJobGate(t.Store, "mine", perEndpoint: 4, budgetUsd: 0.50m, TimeSpan.FromSeconds(30), TimeProvider.System);
        await using var first = await gate.AcquireAsync(a, 0.40m, default);
        await using var claim = await gate.ClaimAsync(b, default);
        await Should.ThrowAsync<BudgetExceededException>(() => gate.AcquireAsync(b, 0.40m, default).AsTask());
    }
}
