using Catwalk.Store;

namespace Catwalk.Runs.Import;

/// <summary>
/// Two different metadata files for one fal request (a sidecar edited in one copy of a folder): the store keeps a
/// request once, so the first is imported and each other one is reported. Identical copies share an import key
/// and are simply skipped by the store.
/// </summary>
internal static class RepeatedRequests
{
    /// <summary>The jobs to import; each dropped one is added to <paramref name="problems"/> under its metadata file's path.</summary>
    public static List<JobRecord> Remove(IReadOnlyList<(string Path, JobRecord Job)> jobs, List<ImportProblem> problems)
    {
        var first = new Dictionary<(string, string), (string Path, JobRecord Job)>();
        var kept = new List<JobRecord>(jobs.Count);
        foreach (var (path, job) in jobs)
        {
            if (job.RequestId is { } request && !first.TryAdd((job.EndpointId, request), (path, job))
                && first[(job.EndpointId, request)] is var earlier && earlier.Job.ImportKey != job.ImportKey)
            {
                problems.Add(new ImportProblem(path, $"It describes the same fal request ({request}) as {earlier.Path}, which is imported instead. Keep one of the two files."));
                continue;
            }
            kept.Add(job);
        }
        return kept;
    }
}
