using Catwalk.Runs.Execution;
using Catwalk.Store;

namespace Catwalk.Cli.Terminal;

/// <summary>How many of a run's jobs are in each phase, per model and overall; thread-safe, updated as jobs move.</summary>
internal sealed class JobPhaseCounts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JobPhase> _phases = [];
    private readonly Dictionary<string, int[]> _byModel = [];
    private readonly int[] _all = new int[Enum.GetValues<JobPhase>().Length];

    public IReadOnlyList<string> Models { get { lock (_lock) return [.. _byModel.Keys]; } }

    public void Start(IReadOnlyList<JobRecord> jobs)
    {
        lock (_lock)
            foreach (var job in jobs) Set(job, Initial(job.State));
    }

    /// <summary>Moves a job; a finished job does not go back to running when late progress arrives.</summary>
    public bool Move(JobRecord job, JobPhase phase)
    {
        lock (_lock)
        {
            if (_phases.TryGetValue(job.Id, out var old) && (old == phase || (IsEnd(old) && !IsEnd(phase)))) return false;
            Set(job, phase);
            return true;
        }
    }

    public int[] Of(string? model)
    {
        lock (_lock) return [.. model is null ? _all : _byModel.GetValueOrDefault(model, new int[_all.Length])];
    }

    public static bool IsEnd(JobPhase phase) => phase is JobPhase.Done or JobPhase.Failed or JobPhase.Skipped;

    private void Set(JobRecord job, JobPhase phase)
    {
        if (!_byModel.TryGetValue(job.ModelKey, out var counts)) _byModel[job.ModelKey] = counts = new int[_all.Length];
        if (_phases.TryGetValue(job.Id, out var old)) { counts[(int)old]--; _all[(int)old]--; }
        _phases[job.Id] = phase;
        counts[(int)phase]++;
        _all[(int)phase]++;
    }

    private static JobPhase Initial(JobState state) => state switch
    {
        JobState.Downloaded => JobPhase.Done,
        JobState.Submitted or JobState.Completed => JobPhase.Queued,
        JobState.Failed or JobState.Cancelled or JobState.Unknown => JobPhase.Failed,
        _ => JobPhase.Waiting,
    };
}
