using Catwalk.Domain;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Runs.Tests.Reports;

public class ReportBuilderTests
{
    private static JobRecord Job(string model, JobState state, double? latency = null, decimal? cost = null, decimal estimate = 0.5m, string? cachedFrom = null, double? duration = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"), RunId = "r", Stage = StageKind.Video, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = Guid.NewGuid().ToString("N"),
        State = state, LatencySec = latency, CostUsd = cost, EstimatedCostUsd = estimate, CachedFromJobId = cachedFrom, DurationSec = duration,
    };

    [Fact]
    public void Per_model_count_success_rate_latency_percentiles_and_cost()
    {
        var jobs = new List<JobRecord>();
        foreach (var latency in new[] { 10.0, 20, 30, 40, 50, 60, 70, 80, 90, 100 }) jobs.Add(Job("veo3", JobState.Downloaded, latency, 3.2m, 3.2m, duration: 8));
        jobs.Add(Job("veo3", JobState.Failed));
        jobs.Add(Job("veo3", JobState.Planned));
        jobs.Add(Job("pika", JobState.Downloaded, 5, 0.2m, 0.2m, duration: 5));
        jobs.Add(Job("pika", JobState.Downloaded, 0.1, 0, 0.2m, cachedFrom: "x", duration: 5));

        var report = ReportBuilder.Build(jobs, ["r"], DateTimeOffset.UnixEpoch);

        var veo = report.Models.Single(m => m.ModelKey == "veo3");
        veo.Jobs.ShouldBe(12);
        veo.Succeeded.ShouldBe(10);
        veo.Failed.ShouldBe(1);
        veo.Unfinished.ShouldBe(1);
        veo.SuccessRate.ShouldBe(Math.Round(10.0 / 11, 4));
        veo.Latency.ShouldBe(new LatencyStats(10, 55, 55, 95.5, 100) { P25 = 32.5, P75 = 77.5 });
        veo.CostUsd.ShouldBe(32m);
        veo.CostPerVideoSecondUsd.ShouldBe(0.4m);

        var pika = report.Models.Single(m => m.ModelKey == "pika");
        pika.Reused.ShouldBe(1);
        pika.Latency!.Max.ShouldBe(5); // a reused result's near-zero time is not the model's latency
        pika.CostUsd.ShouldBe(0.2m);

        report.Jobs.ShouldBe(14);
        report.Succeeded.ShouldBe(12);
        report.Unfinished.ShouldBe(1);
        report.CostUsd.ShouldBe(32.2m);
        report.JobLines.Count.ShouldBe(14);
    }

    [Fact]
    public void A_job_fal_may_be_billing_counts_at_its_estimate()
    {
        var report = ReportBuilder.Build([Job("kling", JobState.Submitted, estimate: 0.7m), Job("kling", JobState.Unknown, estimate: 0.7m), Job("kling", JobState.Failed, estimate: 0.7m)], ["r"], DateTimeOffset.UnixEpoch);
        report.CostUsd.ShouldBe(1.4m);
        report.Models.Single().Latency.ShouldBeNull();
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        LatencyStats.Percentile([1, 2, 3, 4], 0.5).ShouldBe(2.5);
        LatencyStats.Percentile([7], 0.95).ShouldBe(7);
        LatencyStats.Of([]).ShouldBeNull();
    }
}
