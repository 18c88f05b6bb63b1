using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>
/// The one rule for a job whose inputs have ended, in one process or on workers: it runs when every input is downloaded;
/// it is held (left planned, for a resume) while an input is held or still at fal; it fails, not run, when an input
/// ended failed, cancelled or unknown.
/// </summary>
public static class InputRule
{
    /// <summary>How the error of every job that was never sent because of its inputs begins: nothing of it reached fal.</summary>
    public const string NotRun = "not run: ";

    /// <param name="inputIds">The ids the job consumes (<see cref="JobGraph.InputsOf"/>).</param>
    /// <param name="inputs">Those jobs as stored now, in the same order; null for one the store does not hold.</param>
    public static InputVerdict Judge(IReadOnlyList<string> inputIds, IReadOnlyList<JobRecord?> inputs)
    {
        var found = new List<JobRecord>(inputs.Count);
        for (var i = 0; i < inputIds.Count; i++)
        {
            if (inputs[i] is not { } input) return new(InputReadiness.Blocked, $"{NotRun}its input job {inputIds[i]} is not in the store", found);
            found.Add(input);
        }
        foreach (var input in found)
            if (input.State is JobState.Failed or JobState.Cancelled or JobState.Unknown)
                return new(InputReadiness.Blocked, $"{NotRun}its {input.Stage.Name()} job {JobStateMachine.Name(input.State)}: {input.Error}", found);
        foreach (var input in found)
            if (input is not { State: JobState.Downloaded, FilePath: not null })
                return new(InputReadiness.Held, $"waiting for its {input.Stage.Name()} job ({JobStateMachine.Name(input.State)})", found);
        return new(InputReadiness.Ready, null, found);
    }
}
