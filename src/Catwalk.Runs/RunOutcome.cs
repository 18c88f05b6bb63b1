using Catwalk.Runs.Execution;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs;

/// <summary>How a run (or one attempt to resume it) ended: the looks' results this time and every job as stored.</summary>
public sealed record RunOutcome(RunRecord Run, RunSpec Spec, IReadOnlyList<LookOutcome> Looks, IReadOnlyList<JobRecord> Jobs, bool Interrupted)
{
    public int Downloaded => Jobs.Count(j => j.State == JobState.Downloaded);
    public int Unfinished => Jobs.Count(j => !JobStateMachine.IsTerminal(j.State));
    public int FailedJobs => Jobs.Count(j => j.State is JobState.Failed or JobState.Cancelled);
    /// <summary>Videos never sent because the image gate refused their image (among <see cref="FailedJobs"/>; a retry refuses them again).</summary>
    public int RefusedByGate => Jobs.Count(j => j.State == JobState.Failed && j.Error?.StartsWith(Gate.GateRule.ErrorPrefix, StringComparison.Ordinal) == true);
    public int UnknownJobs => Jobs.Count(j => j.State == JobState.Unknown);
    public int Reused => Jobs.Count(j => j.CachedFromJobId is not null);
    /// <summary>What the run's jobs cost (reused results cost nothing); unfinished jobs at fal count at their estimate.</summary>
    public decimal SpentUsd => Jobs.Sum(j => j.ChargedUsd);
}
