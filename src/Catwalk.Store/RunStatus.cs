namespace Catwalk.Store;

/// <summary>A run's overall status as stored; derived from its jobs when the run ends.</summary>
public static class RunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Partial = "partial";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    /// <summary>What a run whose jobs ended in these states is: all done, some done, none done, or not finished.</summary>
    public static string From(IEnumerable<JobState> states)
    {
        var list = states.ToList();
        if (list.Count == 0) return Completed;
        if (list.Any(s => !JobStateMachine.IsTerminal(s))) return Interrupted;
        var done = list.Count(s => s == JobState.Downloaded);
        return done == list.Count ? Completed : done == 0 ? Failed : Partial;
    }
}
