using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Slots and budget reservations (<see cref="ISlotStore"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlSlotStore(SqlDatabase db) : ISlotStore
{
    /// <summary>How long an expired slot whose job is at fal still counts for its endpoint when nobody takes it over.</summary>
    internal static readonly TimeSpan OrphanedSlotLife = TimeSpan.FromHours(1);

    /// <summary>
    /// The lock and the four reads a slot decision needs, in one command: one round trip (PostgreSQL sends a batch) while
    /// the lock is held, instead of five. The reads run in order after the lock; the DELETE's effect is seen by them.
    /// </summary>
    private const string SlotReadsSql =
        """
        DELETE FROM job_slots WHERE expires_at < @now
            AND (expires_at < @forgotten OR job_id NOT IN (SELECT id FROM jobs WHERE state IN ('submitting', 'submitted')));
        SELECT owner AS Owner, expires_at AS ExpiresAt FROM job_slots WHERE job_id = @JobId;
        SELECT COUNT(*) FROM job_slots WHERE endpoint_id = @EndpointId AND job_id <> @JobId;
        """;

    /// <summary>
    /// What the run has paid or may be paying: the running total the store keeps on the run's row (migration 9's
    /// triggers, updated with each job's state and cost), plus the live reservations of its jobs not sent yet (a few
    /// rows: only held slots).
    /// </summary>
    private const string CommittedSql =
        """
        SELECT COALESCE((SELECT committed_usd FROM runs WHERE id = @RunId), 0)
             + COALESCE((SELECT SUM(s.reserved_usd) FROM job_slots s JOIN jobs j ON j.id = s.job_id
                         WHERE s.run_id = @RunId AND j.state = 'planned' AND s.job_id <> @JobId), 0);
        """;

    /// <summary>The same for a store still at a schema before the running total (tests of upgrades open one): summed over the run's jobs.</summary>
    private const string CommittedBeforeTotalSql =
        """
        SELECT COALESCE((SELECT SUM(CASE WHEN state = 'downloaded' THEN COALESCE(cost_usd, 0)
                                         WHEN state IN ('submitting', 'submitted', 'completed', 'unknown') THEN estimated_cost_usd
                                         ELSE 0 END) FROM jobs WHERE run_id = @RunId), 0)
             + COALESCE((SELECT SUM(s.reserved_usd) FROM job_slots s JOIN jobs j ON j.id = s.job_id
                         WHERE s.run_id = @RunId AND j.state = 'planned' AND s.job_id <> @JobId), 0);
        """;

    /// <summary>The schema version whose triggers keep <c>runs.committed_usd</c>.</summary>
    private const int RunningTotalVersion = 9;

    private string ReadsSql => SlotReadsSql + (db.SchemaVersion >= RunningTotalVersion ? CommittedSql : CommittedBeforeTotalSql);

    private sealed record HeldSlot(string Owner, long ExpiresAt);

    public Task<SlotResult> TryTakeSlotAsync(SlotRequest request, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            var now = db.Now();
            // An expired slot frees its endpoint only if its job is not at fal: a dead worker's job that fal is still
            // running occupies fal all the same, until a live worker takes it over (or an hour has passed).
            var args = new { now, forgotten = now - (long)OrphanedSlotLife.TotalMilliseconds, request.JobId, request.EndpointId, request.RunId };
            HeldSlot? held;
            long busy;
            decimal committed; // what the run has paid or may be paying (JobRecord.ChargedUsd, in SQL) plus live reservations of jobs not sent yet
            await using (var reads = await connection.QueryMultipleAsync(new CommandDefinition(db.Dialect.LockSlotsSql + ReadsSql, args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            {
                held = await reads.ReadSingleOrDefaultAsync<HeldSlot>().ConfigureAwait(false);
                busy = await reads.ReadSingleAsync<long>().ConfigureAwait(false);
                committed = (decimal)await reads.ReadSingleAsync<double>().ConfigureAwait(false);
            }
            if (held is { } h && h.Owner != request.Owner && h.ExpiresAt >= now) return new SlotResult(SlotOutcome.HeldElsewhere, 0, h.Owner);
            if (held is null && busy >= request.EndpointLimit) return new SlotResult(SlotOutcome.EndpointFull, 0);
            if (request.ReserveUsd > 0 && request.BudgetUsd is { } budget && committed + request.ReserveUsd > budget)
                return new SlotResult(SlotOutcome.OverBudget, committed);
            var expires = now + (long)request.TimeToLive.TotalMilliseconds;
            var write = new { request.JobId, request.RunId, request.EndpointId, request.Owner, reserved = (double)request.ReserveUsd, now, expires };
            await connection.ExecuteAsync(new CommandDefinition(
                held is null
                    ? "INSERT INTO job_slots (job_id, run_id, endpoint_id, owner, reserved_usd, acquired_at, expires_at) VALUES (@JobId, @RunId, @EndpointId, @Owner, @reserved, @now, @expires)"
                    : "UPDATE job_slots SET owner = @Owner, reserved_usd = @reserved, expires_at = @expires WHERE job_id = @JobId",
                write, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new SlotResult(SlotOutcome.Granted, committed);
        }, cancellationToken);

    public Task<int> RenewSlotsAsync(string owner, long expiresAt, CancellationToken cancellationToken = default) =>
        db.WriteStatementAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_slots SET expires_at = @expiresAt WHERE owner = @owner", new { owner, expiresAt }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task ReleaseSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        db.WriteStatementAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_slots WHERE job_id = @jobId AND owner = @owner", new { jobId, owner }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task RefundSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        db.WriteStatementAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_slots SET reserved_usd = 0 WHERE job_id = @jobId AND owner = @owner", new { jobId, owner }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task<IReadOnlyList<SlotRecord>> ListOrphanedSlotsAsync(string endpointId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"""
            SELECT {SlotColumns.SelectJoined} FROM job_slots s JOIN jobs j ON j.id = s.job_id
            WHERE s.endpoint_id = @endpointId AND s.expires_at < @now AND j.state IN ('submitting', 'submitted')
            ORDER BY s.acquired_at, s.job_id
            """, new { endpointId, now = db.Now() }, cancellationToken);

    public Task<IReadOnlyList<SlotRecord>> ListSlotsAsync(CancellationToken cancellationToken = default) =>
        ListAsync($"SELECT {SlotColumns.Select} FROM job_slots WHERE expires_at >= @now ORDER BY acquired_at, job_id", new { now = db.Now() }, cancellationToken);

    private Task<IReadOnlyList<SlotRecord>> ListAsync(string sql, object args, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<SlotRecord>>(async connection =>
            [.. await connection.QueryAsync<SlotRecord>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
}
