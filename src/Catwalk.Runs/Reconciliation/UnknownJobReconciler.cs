using System.Text.Json.Nodes;
using Catwalk.Fal;
using Catwalk.Fal.Platform;
using Catwalk.Store;
using Microsoft.Extensions.Options;

namespace Catwalk.Runs.Reconciliation;

/// <summary>
/// Decides the jobs a stopped process left unknown (sent, no answer recorded) from fal's request history instead of
/// guessing. fal lists a request once it has started, with the input it got: a listed request whose input is the job's
/// recorded arguments, and that no other job holds, is adopted (its request id recorded, its result then collected,
/// nothing sent again). A job still not listed after its start deadline (plus the history's lag) was dropped unstarted,
/// so never billed: it is planned again and sent once more. Before that, or without a deadline, or when fal kept no
/// input to compare, it stays unknown, with the reason and when a resume can decide.
/// </summary>
public sealed class UnknownJobReconciler(IFalPlatformClient platform, IOptions<FalOptions> options, TimeProvider time)
{
    /// <summary>Clock difference allowed between this machine (the recorded send) and fal (its <c>sent_at</c>).</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<ReconciledJob>> ReconcileAsync(IRunJobStore store, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var results = new List<ReconciledJob>();
        var unknown = jobs.Where(j => j.State == JobState.Unknown && j.RequestId is null && j.ArgumentsJson is not null).ToList();
        foreach (var endpoint in unknown.GroupBy(j => j.EndpointId))
        {
            var sentAt = new Dictionary<string, DateTimeOffset>();
            foreach (var job in endpoint) sentAt[job.Id] = await SendTimeAsync(store, job, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            IReadOnlyList<FalRequestRecord> listed;
            try
            {
                listed = await ListAsync(endpoint.Key, sentAt.Values.Min() - Skew, now + Skew, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FalException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Undecided is safe: nothing is sent again on a guess.
                results.AddRange(endpoint.Select(j => new ReconciledJob(j, ReconcileVerdict.StillUnknown, $"could not read fal's request history of {endpoint.Key}: {e.Message}")));
                continue;
            }
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var job in endpoint.OrderBy(j => sentAt[j.Id]))
                results.Add(await DecideAsync(store, job, sentAt[job.Id], listed, taken, now, cancellationToken).ConfigureAwait(false));
        }
        return results;
    }

    private async Task<ReconciledJob> DecideAsync(IRunJobStore store, JobRecord job, DateTimeOffset sent, IReadOnlyList<FalRequestRecord> listed,
        HashSet<string> taken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = JsonNode.Parse(job.ArgumentsJson!);
        var window = listed.Where(r => r.SentAt >= sent - Skew).ToList();
        foreach (var candidate in window.Where(r => !taken.Contains(r.RequestId) && CanonicalJson.SameInput(recorded, r.Input)).OrderBy(r => (r.SentAt - sent).Duration()))
        {
            // Another job (this run's or an earlier one's) may have sent the very same input and holds that request.
            if ((await store.QueryJobsAsync(new JobQuery { RequestId = candidate.RequestId, Limit = 1 }, cancellationToken).ConfigureAwait(false)).Count > 0) continue;
            taken.Add(candidate.RequestId);
            var why = $"found in fal's request history (sent {candidate.SentAt:u}, with the input recorded before sending): adopted, not sent again";
            if (!await store.MoveAsync(job.Id, JobState.Submitted, new JobUpdate
                { RequestId = candidate.RequestId, SubmittedAt = candidate.SentAt.ToUnixTimeMilliseconds(), ClearError = true, Detail = why }, cancellationToken).ConfigureAwait(false))
                return new(job, ReconcileVerdict.StillUnknown, "it changed while being reconciled (another process took it)");
            return new(job, ReconcileVerdict.Adopted, why, candidate.RequestId);
        }
        if (window.Any(r => r.Input is null))
            return new(job, ReconcileVerdict.StillUnknown, "fal's history has requests of this endpoint from then without their input (not stored), so this one cannot be told apart; `catwalk resume --resubmit-unknown` sends it again");
        if (job.StartDeadlineSec is not { } seconds)
            return new(job, ReconcileVerdict.StillUnknown, "not in fal's request history, and it was sent without a start deadline, so fal may still start it; `catwalk resume --resubmit-unknown` sends it again");
        var decidable = sent + TimeSpan.FromSeconds(seconds) + options.Value.RequestHistoryLag;
        if (now < decidable)
            return new(job, ReconcileVerdict.StillUnknown, $"not in fal's request history yet: fal lists a request once it starts, and this one may start until its deadline; a resume after {decidable.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC can decide");
        var dropped = $"not in fal's request history by its start deadline ({seconds:0.#} s after {sent:u}): fal never started it, so it was not billed; sent again";
        return await store.MoveAsync(job.Id, JobState.Planned, new JobUpdate { ClearError = true, Detail = dropped }, cancellationToken).ConfigureAwait(false)
            ? new(job, ReconcileVerdict.Resent, dropped)
            : new(job, ReconcileVerdict.StillUnknown, "it changed while being reconciled (another process took it)");
    }

    /// <summary>When the send began: recorded with it; for a job sent before that was recorded, its move to submitting.</summary>
    private static async Task<DateTimeOffset> SendTimeAsync(IRunJobStore store, JobRecord job, CancellationToken cancellationToken)
    {
        if (job.SendStartedAt is { } at) return DateTimeOffset.FromUnixTimeMilliseconds(at);
        var events = await store.GetEventsAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(events.LastOrDefault(e => e.State == JobStateMachine.Name(JobState.Submitting))?.At ?? job.UpdatedAt);
    }

    private async Task<IReadOnlyList<FalRequestRecord>> ListAsync(string endpointId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var all = new List<FalRequestRecord>();
        string? cursor = null;
        do
        {
            var page = await platform.GetRequestsAsync(new FalRequestQuery(endpointId) { Start = start, End = end, WithPayloads = true, Limit = 100, Cursor = cursor }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
