using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Cli.Infrastructure;

/// <summary>The runs a command was pointed at (one by id or prefix, or all of them) and their jobs.</summary>
internal static class StoredRuns
{
    public static async Task<IReadOnlyList<RunRecord>> SelectAsync(IRunStore store, string? idOrPrefix, CancellationToken cancellationToken) =>
        idOrPrefix is { } id
            ? [await store.GetRunAsync(id, cancellationToken) ?? throw new InvalidInputException($"No run '{id}' in {store.Description}; `catwalk report` lists the runs.")]
            : await store.ListRunsAsync(null, cancellationToken);

    public static async Task<List<JobRecord>> JobsAsync(IRunJobStore store, IEnumerable<RunRecord> runs, CancellationToken cancellationToken)
    {
        var jobs = new List<JobRecord>();
        foreach (var run in runs) jobs.AddRange(await store.GetJobsAsync(run.Id, cancellationToken));
        return jobs;
    }
}
