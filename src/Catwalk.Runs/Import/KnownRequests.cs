using Catwalk.Store;

namespace Catwalk.Runs.Import;

/// <summary>
/// The fal requests of imported jobs that the store already holds: a folder Catwalk wrote while recording its
/// runs in this store has its jobs there already, under the same endpoint and request id, which the store keeps
/// unique. Such a job is skipped rather than failing the whole import.
/// </summary>
internal static class KnownRequests
{
    // The store is searched around the files' own times: a run's jobs are recorded when it starts, as its sidecars' timestamp says.
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static async Task<HashSet<(string EndpointId, string RequestId)>> FindAsync(IRunStore store, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var withRequest = jobs.Where(j => j.RequestId is not null).ToList();
        if (withRequest.Count == 0) return [];
        var stored = await store.QueryJobsAsync(new JobQuery
        {
            Models = [.. withRequest.Select(j => j.ModelKey).Distinct()],
            From = DateTimeOffset.FromUnixTimeMilliseconds(withRequest.Min(j => j.CreatedAt)) - Window,
            To = DateTimeOffset.FromUnixTimeMilliseconds(withRequest.Max(j => j.CreatedAt)) + Window,
        }, cancellationToken).ConfigureAwait(false);
        return [.. stored.Where(j => j.RequestId is not null).Select(j => (j.EndpointId, j.RequestId!))];
    }
}
