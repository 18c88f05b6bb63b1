using Catwalk.Pipelines.Journal;
using Catwalk.Runs.Journal;

namespace Catwalk.Runs.Tests.Journal;

public class JobGateTests
{
    [Fact]
    public async Task No_more_than_the_limits_run_at_once_overall_and_per_endpoint()
    {
        using var gate = new JobGate(concurrency: 3, perEndpoint: 2, budgetUsd: null, committedUsd: 0);
        var a1 = await gate.AcquireAsync("a", 0, default);
        var a2 = await gate.AcquireAsync("a", 0, default);
        var a3 = gate.AcquireAsync("a", 0, default).AsTask();
        var b1 = await gate.AcquireAsync("b", 0, default);
        var b2 = gate.AcquireAsync("b", 0, default).AsTask();
        await Task.Delay(50);
        a3.IsCompleted.ShouldBeFalse(); // endpoint a is full
        b2.IsCompleted.ShouldBeFalse(); // overall is full
        await a1.DisposeAsync(); // one overall slot frees: exactly one of the waiting jobs goes on
        await Task.WhenAny(a3, b2).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        (a3.IsCompleted ^ b2.IsCompleted).ShouldBeTrue();
        await b1.DisposeAsync();
        await Task.WhenAll(a3, b2).WaitAsync(TimeSpan.FromSeconds(5));
        await a2.DisposeAsync();
    }

    [Fact]
    public async Task The_budget_is_reserved_before_sending_and_refunded_for_what_was_never_sent()
    {
        using var gate = new JobGate(10, 10, budgetUsd: 1.00m, committedUsd: 0.30m);
        var first = await gate.AcquireAsync("a", 0.50m, default);
        gate.CommittedUsd.ShouldBe(0.80m);
        var error = await Should.ThrowAsync<BudgetExceededException>(() => gate.AcquireAsync("a", 0.25m, default).AsTask());
        error.Message.ShouldContain("$1.00 budget");
        first.Refund();
        await first.DisposeAsync();
        gate.CommittedUsd.ShouldBe(0.30m);
        await using var second = await gate.AcquireAsync("a", 0.25m, default);
        gate.CommittedUsd.ShouldBe(0.55m);
    }

    [Fact]
    public async Task A_refused_job_gives_its_slot_back()
    {
        using var gate = new JobGate(1, 1, budgetUsd: 0.10m, committedUsd: 0);
        await Should.ThrowAsync<BudgetExceededException>(() => gate.AcquireAsync("a", 0.50m, default).AsTask());
        await using var free = await gate.AcquireAsync("a", 0, default).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }
}
