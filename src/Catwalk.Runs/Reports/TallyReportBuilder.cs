using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Reports;

/// <summary>
/// The <see cref="RunReport"/> that <see cref="ReportBuilder.Build"/> makes, from the store's aggregates instead of every
/// job (<see cref="IJobStatistics"/>): the same numbers, rounded the same way, for views of a large store. It has no
/// <see cref="RunReport.JobLines"/> and no <see cref="RunReport.Matrix"/> (they list every job or need every video's
/// image); a report that needs them is built from the jobs.
/// </summary>
public static class TallyReportBuilder
{
    public static async Task<RunReport> BuildAsync(IJobStatistics statistics, JobQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The four scans at once, each on a pooled connection of its own: SQLite's driver runs a query synchronously on
        // the awaiting thread, so each is started on the pool (over 100,000 jobs: 0.76 s one after the other).
        var tallies = Task.Run(() => statistics.TallyJobsAsync(query, Engine.InputRule.NotRun, cancellationToken), cancellationToken);
        var ranks = Task.Run(() => statistics.LatencyRanksAsync(query, cancellationToken), cancellationToken);
        var quality = Task.Run(() => statistics.TallyQualityAsync(query, cancellationToken), cancellationToken);
        var runs = Task.Run(() => statistics.RunIdsAsync(query, cancellationToken), cancellationToken);
        await Task.WhenAll(tallies, ranks, quality, runs).ConfigureAwait(false);
        return Build(await tallies.ConfigureAwait(false), await ranks.ConfigureAwait(false), await quality.ConfigureAwait(false), await runs.ConfigureAwait(false), now);
    }

    public static RunReport Build(IReadOnlyList<JobTally> tallies, IReadOnlyList<LatencyRank> ranks, IReadOnlyList<QualityTally> qualities, IReadOnlyList<string> runs, DateTimeOffset now)
    {
        var latencies = ranks.GroupBy(r => (r.Stage, r.ModelKey)).ToDictionary(g => g.Key, g => Latency([.. g]));
        var quality = qualities.ToDictionary(q => (q.Stage, q.ModelKey), Quality);
        var billed = Billed(tallies);
        var done = Count(tallies, t => t.State == JobState.Downloaded);
        var neverSent = Count(tallies, t => t.NeverSent);
        return new RunReport
        {
            GeneratedAt = now,
            Runs = runs,
            Models = [.. tallies.GroupBy(t => (t.Stage, t.ModelKey)).OrderBy(g => g.Key.Stage == StageKind.Image ? 0 : 1).ThenBy(g => g.Key.ModelKey, StringComparer.Ordinal)
                .Select(g => Model(g.Key.ModelKey, g.Key.Stage, [.. g], latencies.GetValueOrDefault(g.Key), quality.GetValueOrDefault(g.Key)))],
            Jobs = Count(tallies, _ => true),
            Succeeded = done,
            Failed = Count(tallies, t => JobStateMachine.IsTerminal(t.State)) - done - neverSent,
            NotRun = neverSent,
            Unfinished = Count(tallies, t => !JobStateMachine.IsTerminal(t.State)),
            CostUsd = tallies.Sum(t => t.ChargedUsd * t.Jobs),
            EstimatedCostUsd = tallies.Sum(t => t.EstimatedCostUsd * t.Jobs),
            BilledUsd = billed.Usd, BilledJobs = billed.Jobs, BilledEstimateUsd = billed.Estimate, BilledDifferenceUsd = billed.Difference,
        };
    }

    private static ModelReport Model(string modelKey, StageKind stage, IReadOnlyList<JobTally> tallies, LatencyStats? latency, ModelQuality? quality)
    {
        var saved = tallies.Where(t => t.State == JobState.Downloaded).ToList();
        var fresh = saved.Where(t => !t.Reused).ToList();
        var done = saved.Sum(t => t.Jobs);
        var notRun = Count(tallies, t => t.NeverSent);
        var ended = Count(tallies, t => JobStateMachine.IsTerminal(t.State)) - notRun;
        var jobs = Count(tallies, _ => true);
        var videoSeconds = saved.Sum(t => t.DurationSec);
        var cost = tallies.Sum(t => t.ChargedUsd * t.Jobs);
        var billed = Billed(tallies);
        return new ModelReport
        {
            ModelKey = modelKey,
            Stage = stage,
            Jobs = jobs,
            Succeeded = done,
            Failed = ended - done,
            NotRun = notRun,
            Unfinished = jobs - ended - notRun,
            SuccessRate = ended == 0 ? null : Math.Round((double)done / ended, 4),
            Latency = latency,
            AvgQueueSec = Avg(fresh.Sum(t => t.QueueSec), fresh.Sum(t => t.QueueCount)),
            AvgInferenceSec = Avg(fresh.Sum(t => t.InferenceSec), fresh.Sum(t => t.InferenceCount)),
            AvgDownloadSec = Avg(fresh.Sum(t => t.DownloadSec), fresh.Sum(t => t.DownloadCount)),
            CostUsd = cost,
            EstimatedCostUsd = tallies.Sum(t => t.EstimatedCostUsd * t.Jobs),
            Reused = done - fresh.Sum(t => t.Jobs),
            VideoSeconds = Math.Round(videoSeconds, 3),
            CostPerVideoSecondUsd = videoSeconds > 0 ? Math.Round(cost / (decimal)videoSeconds, 4) : null,
            Quality = quality,
            BilledUsd = billed.Usd, BilledJobs = billed.Jobs, BilledEstimateUsd = billed.Estimate, BilledDifferenceUsd = billed.Difference,
        };
    }

    /// <summary><see cref="LatencyStats.Of"/> from the ranks the store returned: the same interpolation over the same two values.</summary>
    private static LatencyStats Latency(IReadOnlyList<LatencyRank> ranks)
    {
        var sorted = new RankedValues(ranks[0].Count, ranks.ToDictionary(r => r.Rank, r => r.Seconds));
        return new LatencyStats(sorted[0], Math.Round(ranks[0].Mean, 3), LatencyStats.Percentile(sorted, 0.50), LatencyStats.Percentile(sorted, 0.95), sorted[sorted.Count - 1])
        {
            P25 = LatencyStats.Percentile(sorted, 0.25), P75 = LatencyStats.Percentile(sorted, 0.75),
        };
    }

    /// <summary><see cref="ModelQuality.Of"/> from the database's means: a model's videos' metrics, else its images' fashion metrics, rounded the same way.</summary>
    private static ModelQuality? Quality(QualityTally q)
    {
        static double? Mean(double? value) => value is { } v ? Math.Round(v, 4) : null;
        if (q.Measured == 0)
            return q.ImagesMeasured == 0 ? null : new ModelQuality
            {
                FashionMeasured = q.ImagesMeasured, IdentityMean = Mean(q.ImageIdentityMean), FullBodyShare = Mean(q.ImageFullBodyShare),
                GarmentDeltaE = Mean(q.ImageGarmentDeltaE), FashionFlagged = q.ImagesFlagged,
            };
        return new ModelQuality
        {
            Measured = q.Measured,
            FirstFrameSsim = Mean(q.FirstFrameSsim),
            LastFrameSsim = Mean(q.LastFrameSsim),
            TemporalFlickerScore = Math.Round(q.TemporalFlickerScore ?? 0, 4),
            MotionScore = Mean(q.MotionScore),
            FrozenFraction = Math.Round(q.FrozenFraction ?? 0, 3),
            DurationErrorSec = Mean(q.DurationErrorSec),
            Cuts = q.Cuts,
            Flagged = q.Flagged,
            FashionMeasured = q.FashionMeasured,
            IdentityMean = Mean(q.IdentityMean),
            FullBodyShare = Mean(q.FullBodyShare),
            GarmentDeltaE = Mean(q.GarmentDeltaE),
            FashionFlagged = q.FashionFlagged,
        };
    }

    /// <summary>As <see cref="ReportBuilder"/>: billed against Catwalk's record over the jobs whose bill was fetched only.</summary>
    private static (decimal? Usd, int Jobs, decimal? Estimate, decimal? Difference) Billed(IReadOnlyList<JobTally> tallies)
    {
        var billed = tallies.Where(t => t.BilledUsd is not null).ToList();
        if (billed.Count == 0) return (null, 0, null, null);
        var usd = billed.Sum(t => t.BilledUsd!.Value * t.Jobs);
        var estimate = billed.Sum(t => t.ChargedUsd * t.Jobs);
        return (usd, billed.Sum(t => t.Jobs), estimate, usd - estimate);
    }

    private static int Count(IEnumerable<JobTally> tallies, Func<JobTally, bool> which) => tallies.Where(which).Sum(t => t.Jobs);

    private static double? Avg(double sum, int count) => count == 0 ? null : Math.Round(sum / count, 3);
}
