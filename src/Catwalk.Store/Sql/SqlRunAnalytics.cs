using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Throughput aggregates (<see cref="IRunAnalytics"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlRunAnalytics(SqlDatabase db) : IRunAnalytics
{
    public Task<IReadOnlyList<MinuteCount>> DownloadsPerMinuteAsync(long since, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<MinuteCount>>(async connection =>
        {
            var rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(
                """
                SELECT (completed_at / 60000) * 60000 AS minute, COUNT(*) AS n FROM jobs
                WHERE state = 'downloaded' AND completed_at >= @since AND cached_from_job_id IS NULL
                GROUP BY (completed_at / 60000) * 60000 ORDER BY minute
                """, new { since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new MinuteCount(r.Item1, (int)r.Item2))];
        }, cancellationToken);
}
