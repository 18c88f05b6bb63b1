using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Reports;

/// <summary>Builds <see cref="RunReport"/>s from stored jobs: what each model did, how fast, how reliably, at what cost.</summary>
public static class ReportBuilder
{
    public static RunReport Build(IReadOnlyList<JobRecord> jobs, IReadOnlyList<string> runs, DateTimeOffset now)
    {
        var billed = Billed(jobs);
        return new RunReport
        {
            GeneratedAt = now,
            Runs = runs,
            Models = [.. jobs.GroupBy(j => (j.Stage, j.ModelKey)).OrderBy(g => g.Key.Stage == StageKind.Image ? 0 : 1).ThenBy(g => g.Key.ModelKey, StringComparer.Ordinal).Select(g => Model(g.Key.ModelKey, g.Key.Stage, [.. g]))],
            Jobs = jobs.Count,
            Succeeded = jobs.Count(j => j.State == JobState.Downloaded),
            Failed = jobs.Count(Ended) - jobs.Count(j => j.State == JobState.Downloaded) - jobs.Count(NeverSent),
            NotRun = jobs.Count(NeverSent),
            Unfinished = jobs.Count(j => !Ended(j)),
            CostUsd = jobs.Sum(j => j.ChargedUsd),
            EstimatedCostUsd = jobs.Sum(j => j.EstimatedCostUsd),
            JobLines = [.. jobs.Select(j => new JobLine(j.Id, j.RunId, j.Stage, j.ModelKey, j.InputKey, j.LookId, j.RequestedDuration,
                JobStateMachine.Name(j.State), j.RequestId, j.FilePath, j.LatencySec, j.DurationSec, j.CostUsd, j.CachedFromJobId is not null, j.Error, j.BilledUsd, j.BilledSource))],
            BilledUsd = billed.Usd, BilledJobs = billed.Jobs, BilledEstimateUsd = billed.Estimate, BilledDifferenceUsd = billed.Difference,
            Matrix = MatrixCell.Of(jobs),
        };
    }

    /// <summary>
    /// Billed against estimated over the jobs whose bill was fetched only: a job never fetched (or never sent) would make
    /// the difference Catwalk's estimate of it rather than anything fal said. The estimate is what the job cost by
    /// Catwalk's record (<see cref="JobRecord.ChargedUsd"/>). All null when no job has a bill.
    /// </summary>
    private static (decimal? Usd, int Jobs, decimal? Estimate, decimal? Difference) Billed(IEnumerable<JobRecord> jobs)
    {
        var billed = jobs.Where(j => j.BilledUsd is not null).ToList();
        if (billed.Count == 0) return (null, 0, null, null);
        var usd = billed.Sum(j => j.BilledUsd!.Value);
        var estimate = billed.Sum(j => j.ChargedUsd);
        return (usd, billed.Count, estimate, usd - estimate);
    }

    private static ModelReport Model(string modelKey, StageKind stage, IReadOnlyList<JobRecord> jobs)
    {
        var done = jobs.Where(j => j.State == JobState.Downloaded).ToList();
        // Reused results took no time at fal: they would flatter the model's latency.
        var fresh = done.Where(j => j.CachedFromJobId is null).ToList();
        var notRun = jobs.Count(NeverSent);
        var ended = jobs.Count(Ended) - notRun;
        var videoSeconds = done.Sum(j => j.DurationSec ?? 0);
        var cost = jobs.Sum(j => j.ChargedUsd);
        var billed = Billed(jobs);
        return new ModelReport
        {
            ModelKey = modelKey,
            Stage = stage,
            Jobs = jobs.Count,
            Succeeded = done.Count,
            Failed = ended - done.Count,
            NotRun = notRun,
            Unfinished = jobs.Count - ended - notRun,
            SuccessRate = ended == 0 ? null : Math.Round((double)done.Count / ended, 4),
            Latency = LatencyStats.Of(fresh.Where(j => j.LatencySec is not null).Select(j => j.LatencySec!.Value)),
            AvgQueueSec = Avg(fresh.Select(j => j.QueueSec)),
            AvgInferenceSec = Avg(fresh.Select(j => j.InferenceSec)),
            AvgDownloadSec = Avg(fresh.Select(j => j.DownloadSec)),
            CostUsd = cost,
            EstimatedCostUsd = jobs.Sum(j => j.EstimatedCostUsd),
            Reused = done.Count - fresh.Count,
            VideoSeconds = Math.Round(videoSeconds, 3),
            CostPerVideoSecondUsd = videoSeconds > 0 ? Math.Round(cost / (decimal)videoSeconds, 4) : null,
            Quality = ModelQuality.Of(done),
            BilledUsd = billed.Usd, BilledJobs = billed.Jobs, BilledEstimateUsd = billed.Estimate, BilledDifferenceUsd = billed.Difference,
        };
    }

    private static bool Ended(JobRecord job) => JobStateMachine.IsTerminal(job.State);

    /// <summary>Failed by the engine before anything was sent, for its input's sake (<see cref="Engine.InputRule.NotRun"/>).</summary>
    internal static bool NeverSent(JobRecord job) =>
        job is { State: JobState.Failed, RequestId: null, SendStartedAt: null } && job.Error?.StartsWith(Engine.InputRule.NotRun, StringComparison.Ordinal) == true;


    private static double? Avg(IEnumerable<double?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 3);
    }
}
