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

    public static RunView Of(RunRecord run, IReadOnlyList<JobRecord> jobs) =>
        Of(run, [.. jobs.Select(j => new RunStateTally(j.RunId, j.State, j.EstimatedCostUsd, j.CostUsd, 1))]);

    /// <summary>From the run's jobs as the database counted them (per state and cost values).</summary>
    public static RunView Of(RunRecord run, IReadOnlyList<RunStateTally> tallies) => new(
        run,
        [.. Order.Select(s => (s, tallies.Where(t => t.State == s).Sum(t => t.Jobs))).Where(c => c.Item2 > 0)],
        tallies.Sum(t => t.Jobs),
        run.EstimatedCostUsd > 0 ? run.EstimatedCostUsd : tallies.Sum(t => t.EstimatedCostUsd * t.Jobs),
        tallies.Where(t => t.State == JobState.Downloaded).Sum(t => (t.CostUsd ?? 0) * t.Jobs));

    /// <summary>What a job's row says about fal's progress: its queue position while queued, its last log lines while running.</summary>
    public static string? QueueText(JobRecord job) =>
        job.State == JobState.Submitted && job.RunningSince is null && job.QueuePosition is { } p ? $"#{p}" : null;

    public static bool IsRunning(JobRecord job) => job.State == JobState.Submitted && job.RunningSince is not null;
}
