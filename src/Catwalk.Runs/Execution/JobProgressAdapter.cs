using Catwalk.Domain;
using Catwalk.Generation;
using Catwalk.Runs.Journal;

namespace Catwalk.Runs.Execution;

/// <summary>Turns one stage request's progress (keyed by model) into progress of the run's jobs (keyed by model and input).</summary>
internal sealed class JobProgressAdapter(StoreJobJournal journal, StageKind stage, string inputKey, IRunObserver observer) : IProgress<GenerationProgress>
{
    public void Report(GenerationProgress value)
    {
        if (journal.Find(stage, value.ModelKey, inputKey) is { } job) observer.Progress(job, value);
    }
}
