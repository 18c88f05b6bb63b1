using Catwalk.Generation;
using Catwalk.Store;

namespace Catwalk.Runs.Execution;

/// <summary>Told about every job of a run as it moves, for progress displays (terminal, dashboard).</summary>
public interface IRunObserver
{
    void Started(IReadOnlyList<JobRecord> jobs);
    void Moved(JobRecord job, JobPhase phase, string? detail);
    /// <summary>fal's own progress of one job (queue position, running, logs).</summary>
    void Progress(JobRecord job, GenerationProgress progress);
}
