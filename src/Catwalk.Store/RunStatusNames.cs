namespace Catwalk.Store;

/// <summary>A <see cref="RunStatus"/>'s word (stored and shown), and the status of a run from its jobs' states.</summary>
public static class RunStatusNames
{
    extension(RunStatus status)
    {
        /// <summary>The lower-case word the store holds and views show ("partial").</summary>
        public string Name() => status.ToString().ToLowerInvariant();
    }

    extension(RunStatus)
    {
        /// <summary>What a run whose jobs ended in these states is: all done, some done, none done, or not finished.</summary>
        public static RunStatus From(IEnumerable<JobState> states)
        {
            var list = states.ToList();
            if (list.Count == 0) return RunStatus.Completed;
            if (list.Any(s => !JobStateMachine.IsTerminal(s))) return RunStatus.Interrupted;
            var done = list.Count(s => s == JobState.Downloaded);
            return done == list.Count ? RunStatus.Completed : done == 0 ? RunStatus.Failed : RunStatus.Partial;
        }
    }
}
