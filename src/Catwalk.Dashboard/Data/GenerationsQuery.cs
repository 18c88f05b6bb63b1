using Catwalk.Domain;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>One page of the generations table: filtered, searched, sorted and paged by the store (<see cref="IJobStatistics.PageJobsAsync"/>), or here over jobs already read.</summary>
public static class GenerationsQuery
{
    /// <summary>The table's sort label ("model", "latency", …; anything else: when made) as the store's sort.</summary>
    public static JobSort SortOf(string? label) => label switch
    {
        "model" => JobSort.Model,
        "state" => JobSort.State,
        "latency" => JobSort.Latency,
        "cost" => JobSort.Cost,
        "input" => JobSort.Input,
        _ => JobSort.Created,
    };

    public static (IReadOnlyList<JobRecord> Page, int Total) Apply(IReadOnlyList<JobRecord> jobs, string? search, string? sortBy, bool descending, int page, int pageSize)
    {
        IEnumerable<JobRecord> matching = jobs;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            matching = matching.Where(j => Fields(j).Any(f => f?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
        }
        var list = matching.ToList();
        IEnumerable<JobRecord> sorted = (sortBy ?? "created") switch
        {
            "model" => Order(list, j => j.ModelKey, descending),
            "state" => Order(list, j => JobStateMachine.Name(j.State), descending),
            "latency" => Order(list, j => j.LatencySec ?? double.MaxValue, descending),
            "cost" => Order(list, j => j.CostUsd ?? j.EstimatedCostUsd, descending),
            "input" => Order(list, j => j.InputKey, descending),
            _ => Order(list, j => j.CreatedAt, descending),
        };
        return ([.. sorted.Skip(Math.Max(0, page) * pageSize).Take(pageSize)], list.Count);
    }

    private static IEnumerable<string?> Fields(JobRecord job) =>
        [job.Id, job.RunId, job.ModelKey, job.InputKey, job.Stage.Name(), job.Prompt, job.PersonId, job.OutfitId, JobStateMachine.Name(job.State), job.Error];

    private static IOrderedEnumerable<JobRecord> Order<TKey>(IEnumerable<JobRecord> jobs, Func<JobRecord, TKey> key, bool descending) =>
        (descending ? jobs.OrderByDescending(key) : jobs.OrderBy(key)).ThenBy(j => j.Id, StringComparer.Ordinal);
}
