using Catwalk.Generation;
using Catwalk.Store;

namespace Catwalk.Runs.Execution;

public sealed class NullRunObserver : IRunObserver
{
    public static readonly NullRunObserver Instance = new();
    public void Started(IReadOnlyList<JobRecord> jobs) { }
    public void Moved(JobRecord job, JobPhase phase, string? detail) { }
    public void Progress(JobRecord job, GenerationProgress progress) { }
}
