using Catwalk.Domain;
using Catwalk.Runs.Billing;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Billing;

/// <summary>An endpoint's usage total shared out to a run's jobs of it, when fal gives no per-request bill.</summary>
public class UsageSharesTests
{
    private static JobRecord Job(string id, JobState state, decimal estimate, decimal? cost = null) => new()
    {
        Id = id, RunId = "r", Stage = StageKind.Video, ModelKey = "kling", EndpointId = "fal-ai/kling", InputKey = id, State = state,
        EstimatedCostUsd = estimate, CostUsd = cost, RequestId = "req-" + id,
    };

    [Fact]
    public void The_total_is_shared_in_proportion_to_the_estimates_over_jobs_that_produced_a_result_and_adds_up_exactly()
    {
        var bills = UsageShares.Of(1m, [Job("a", JobState.Downloaded, 0.35m, 0.35m), Job("b", JobState.Downloaded, 0.7m, 0.7m), Job("c", JobState.Failed, 0.7m), Job("d", JobState.Downloaded, 0.35m)]);
        bills.Select(b => b.JobId).ShouldBe(["a", "b", "d"], "fal bills a failed request nothing");
        bills.ShouldAllBe(b => b.Source == BillingSource.Usage);
        bills.Single(b => b.JobId == "a").BilledUsd.ShouldBe(0.25m);
        bills.Single(b => b.JobId == "b").BilledUsd.ShouldBe(0.5m);
        bills.Sum(b => b.BilledUsd).ShouldBe(1m);

        var thirds = UsageShares.Of(1m, [Job("x", JobState.Downloaded, 1m), Job("y", JobState.Downloaded, 1m), Job("z", JobState.Downloaded, 1m)]);
        thirds.Take(2).ShouldAllBe(b => b.BilledUsd == 0.333333m);
        thirds.Sum(b => b.BilledUsd).ShouldBe(1m, "the last share takes what rounding left");
    }

    [Fact]
    public void Without_a_successful_job_every_sent_job_shares_it_and_zero_estimates_share_equally()
    {
        var bills = UsageShares.Of(0.3m, [Job("a", JobState.Failed, 0m), Job("b", JobState.Unknown, 0m)]);
        bills.Select(b => b.BilledUsd).ShouldBe([0.15m, 0.15m]);
        UsageShares.Of(1m, []).ShouldBeEmpty();
    }
}
