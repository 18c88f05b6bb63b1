namespace Catwalk.Store;

/// <summary>The allowed moves between <see cref="JobState"/>s, and their names in the store.</summary>
public static class JobStateMachine
{
    private static readonly Dictionary<JobState, JobState[]> Allowed = new()
    {
        [JobState.Planned] = [JobState.Submitting, JobState.Downloaded, JobState.Failed, JobState.Cancelled],
        [JobState.Submitting] = [JobState.Submitted, JobState.Failed, JobState.Unknown, JobState.Planned],
        [JobState.Submitted] = [JobState.Completed, JobState.Failed, JobState.Cancelled],
        [JobState.Completed] = [JobState.Downloaded, JobState.Failed],
        // Terminal states reopen only by an explicit user choice (resume --retry-failed / --resubmit-unknown),
        // or for a job fal cancelled before it ran (never billed).
        [JobState.Downloaded] = [],
        [JobState.Failed] = [JobState.Planned],
        [JobState.Cancelled] = [JobState.Planned],
        // An unknown job found in fal's request history is adopted (its request collected); one fal never started goes back to planned.
        [JobState.Unknown] = [JobState.Planned, JobState.Submitted],
    };

    public static bool CanMove(JobState from, JobState to) => Allowed[from].Contains(to);

    /// <summary>The states from which a move to <paramref name="to"/> is allowed.</summary>
    public static JobState[] From(JobState to) => [.. Allowed.Where(kv => kv.Value.Contains(to)).Select(kv => kv.Key)];

    /// <summary>Nothing more will happen to the job without a user's decision.</summary>
    public static bool IsTerminal(JobState state) => state is JobState.Downloaded or JobState.Failed or JobState.Cancelled or JobState.Unknown;

    /// <summary>fal may be working on it (or have finished): its result is collected by request id.</summary>
    public static bool HasRequest(JobState state) => state is JobState.Submitted or JobState.Completed;

    public static string Name(JobState state) => state.ToString().ToLowerInvariant();

    public static JobState Parse(string name) => Enum.Parse<JobState>(name, ignoreCase: true);
}
