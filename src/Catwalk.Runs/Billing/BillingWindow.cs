using Catwalk.Store;

namespace Catwalk.Runs.Billing;

/// <summary>
/// The window in which fal can have billed a run's requests: from the first of its jobs being planned (nothing of it was
/// sent earlier) to the run's end, or now while it is not finished (fal bills a request when it ends, which may be after
/// Catwalk last heard of it). End exclusive, so one millisecond past the last moment counted.
/// </summary>
public sealed record BillingWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>fal's billing events take at most 90 days a call.</summary>
    private static readonly TimeSpan MaxSpan = TimeSpan.FromDays(89);

    public static BillingWindow Of(RunRecord run, IReadOnlyList<JobRecord> jobs, DateTimeOffset now)
    {
        var start = jobs.Min(j => j.SendStartedAt is { } sent ? Math.Min(sent, j.CreatedAt) : j.CreatedAt);
        var end = Math.Max(jobs.Max(j => Math.Max(j.UpdatedAt, j.CompletedAt ?? 0)), run.FinishedAt ?? now.ToUnixTimeMilliseconds());
        return new BillingWindow(DateTimeOffset.FromUnixTimeMilliseconds(start), DateTimeOffset.FromUnixTimeMilliseconds(end + 1));
    }

    /// <summary>The window cut into spans fal's billing events accept, oldest first.</summary>
    public IEnumerable<BillingWindow> Spans()
    {
        for (var from = Start; from < End; from += MaxSpan)
            yield return new BillingWindow(from, from + MaxSpan < End ? from + MaxSpan : End);
    }
}
