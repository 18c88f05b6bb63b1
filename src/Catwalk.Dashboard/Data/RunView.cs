using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>A run as the live views show it: its record, how many jobs are in each state, what it should cost and has spent.</summary>
public sealed record RunView(RunRecord Run, IReadOnlyList<(JobState State, int Count)> Counts, int Jobs, decimal EstimatedUsd, decimal SpentUsd)
{
    /// <summary>The states in the order a job goes through them.</summary>
    public static readonly JobState[] Order =
        [JobState.Planned, JobState.Submitting, JobState.Submitted, JobState.Completed, JobState.Downloaded, JobState.Failed, JobState.Cancelled, JobState.Unknown];

    public bool InFlight => Counts.Any(c => !JobStateMachine.IsTerminal(c.State) && c.Count > 0) && Run.Status == RunStatus.Running;

    public int Count(JobState state) => Counts.FirstOrDefault(c => c.State == state).Count;

    public static RunView Of(RunRecord run, IReadOnlyList<JobRecord> jobs) => new(
        run,
        [.. Order.Select(s => (s, jobs.Count(j => j.State == s))).Where(c => c.Item2 > 0)],
        jobs.Count,
        run.EstimatedCostUsd > 0 ? run.EstimatedCostUsd : jobs.Sum(j => j.EstimatedCostUsd),
        jobs.Where(j => j.State == JobState.Downloaded).Sum(j => j.CostUsd ?? 0));

    /// <summary>What a job's row says about fal's progress: its queue position while queued, its last log lines while running.</summary>
    public static string? QueueText(JobRecord job) =>
        job.State == JobState.Submitted && job.RunningSince is null && job.QueuePosition is { } p ? $"#{p}" : null;

    public static bool IsRunning(JobRecord job) => job.State == JobState.Submitted && job.RunningSince is not null;
}
