using Catwalk.Store;

namespace Catwalk.Runs.Sharing;

/// <summary>What a shareable report is made from: the runs, their jobs and votes, and which store they came from.</summary>
public sealed record ShareReportData(IReadOnlyList<RunRecord> Runs, IReadOnlyList<JobRecord> Jobs, IReadOnlyList<VoteRecord> Votes, string StoreDescription, DateTimeOffset GeneratedAt)
{
    /// <summary>One run (by id or unique prefix) or every run, with their jobs and the votes on them; null when <paramref name="runId"/> names no run.</summary>
    public static async Task<ShareReportData?> LoadAsync(IRunJobStore store, IVoteStore votes, string description, string? runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<RunRecord> runs;
        if (runId is { Length: > 0 })
        {
            if (await store.GetRunAsync(runId, cancellationToken) is not { } run) return null;
            runs = [run];
        }
        else runs = await store.ListRunsAsync(null, cancellationToken);
        var jobs = new List<JobRecord>();
        foreach (var run in runs) jobs.AddRange(await store.GetJobsAsync(run.Id, cancellationToken));
        var ids = runs.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var kept = (await votes.GetVotesAsync(null, cancellationToken)).Where(v => ids.Contains(v.RunId)).ToList();
        return new ShareReportData(runs, jobs, kept, description, now);
    }
}
