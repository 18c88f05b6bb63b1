using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>A run's jobs as planned and stored: what each consumes (<see cref="JobRecord.InputJobId"/>) and what consumes it.</summary>
public sealed class JobGraph
{
    private readonly Dictionary<string, JobRecord> _byId;
    private readonly ILookup<string, JobRecord> _dependents;

    public JobGraph(IReadOnlyList<JobRecord> jobs)
    {
        _byId = jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        _dependents = jobs.Where(j => j.InputJobId is not null).ToLookup(j => j.InputJobId!, StringComparer.Ordinal);
        Jobs = InputsFirst(jobs);
    }

    /// <summary>Every job after the jobs it consumes, otherwise in the order given (a store lists them by id, not by plan).</summary>
    public IReadOnlyList<JobRecord> Jobs { get; }

    /// <summary>The ids of the jobs whose outputs <paramref name="job"/> consumes (none for a job that starts the graph).</summary>
    public static IReadOnlyList<string> InputsOf(JobRecord job) => job.InputJobId is { } id ? [id] : [];

    public IEnumerable<JobRecord> DependentsOf(string jobId) => _dependents[jobId];

    public JobRecord? Find(string jobId) => _byId.GetValueOrDefault(jobId);

    private List<JobRecord> InputsFirst(IReadOnlyList<JobRecord> jobs)
    {
        var ordered = new List<JobRecord>(jobs.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(JobRecord job)
        {
            if (!placed.Add(job.Id)) return;
            foreach (var input in InputsOf(job))
                if (Find(input) is { } inputJob) Place(inputJob);
            ordered.Add(job);
        }
        foreach (var job in jobs) Place(job);
        return ordered;
    }
}
