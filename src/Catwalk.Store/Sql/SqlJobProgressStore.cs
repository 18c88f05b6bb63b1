using System.Data;
using System.Text.Json;

namespace Catwalk.Store.Sql;

/// <summary>fal's live progress of jobs (<see cref="IJobProgressStore"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlJobProgressStore(SqlDatabase db) : IJobProgressStore
{
    public async Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default) =>
        await RecordProgressAsync([new JobProgress(jobId, queuePosition, running, newLogs)], cancellationToken).ConfigureAwait(false) > 0;

    private const string ReadLogsSql = "SELECT last_logs FROM jobs WHERE id = @jobId";

    private const string UpdateSql =
        """
        UPDATE jobs SET queue_position = @queuePosition,
            running_since = CASE WHEN @running = 1 THEN COALESCE(running_since, @now) ELSE NULL END,
            last_logs = @logs
        WHERE id = @jobId
        """;

    // A change of queue position or of running, with no new log lines: the kept lines stay as they are, unread.
    private const string UpdatePositionSql =
        """
        UPDATE jobs SET queue_position = @queuePosition,
            running_since = CASE WHEN @running = 1 THEN COALESCE(running_since, @now) ELSE NULL END
        WHERE id = @jobId
        """;

    private static readonly (string, DbType)[] ReadLogsParameters = [("@jobId", DbType.String)];

    private static readonly (string, DbType)[] UpdatePositionParameters =
        [("@queuePosition", DbType.Int32), ("@running", DbType.Int32), ("@now", DbType.Int64), ("@jobId", DbType.String)];

    private static readonly (string, DbType)[] UpdateParameters =
        [("@queuePosition", DbType.Int32), ("@running", DbType.Int32), ("@now", DbType.Int64), ("@logs", DbType.String), ("@jobId", DbType.String)];

    private static readonly (string, DbType)[] AppendParameters =
        [("@queuePosition", DbType.Int32), ("@running", DbType.Int32), ("@now", DbType.Int64), ("@logs", DbType.String), ("@kept", DbType.Int32), ("@jobId", DbType.String)];

    // Several jobs a tick, every tick of a run: both statements are prepared once on SQLite's writer (PreparedCommands).
    // One job alone (a worker writes a change of position or running at once, mostly one job at a time) is one statement
    // where the engine appends the lines itself (PostgreSQL): sent without a transaction, so no COMMIT round trip either.
    public Task<int> RecordProgressAsync(IReadOnlyList<JobProgress> updates, CancellationToken cancellationToken = default) =>
        updates.Count == 1 && (updates[0].NewLogs.Count == 0 || db.Dialect.AppendProgressLogsSql is not null)
            ? db.WriteStatementAsync((connection, transaction) => RecordAsync(connection, transaction, updates[0], cancellationToken), cancellationToken)
            : db.WriteAsync(async (connection, transaction) =>
            {
                var recorded = 0;
                foreach (var update in updates) recorded += await RecordAsync(connection, transaction, update, cancellationToken).ConfigureAwait(false);
                return recorded;
            }, cancellationToken);

    private async Task<int> RecordAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, JobProgress update, CancellationToken cancellationToken)
    {
        var (position, running) = (update.Running ? null : update.QueuePosition, update.Running ? 1 : 0);
        if (update.NewLogs.Count == 0)
            return await PreparedCommands.For(connection, transaction, UpdatePositionSql, UpdatePositionParameters, [position, running, db.Now(), update.JobId])
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (db.Dialect.AppendProgressLogsSql is { } append)
            return await PreparedCommands.For(connection, transaction, append, AppendParameters,
                    [position, running, db.Now(), JsonSerializer.Serialize(update.NewLogs), IJobProgressStore.KeptLogLines, update.JobId])
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var read = PreparedCommands.For(connection, transaction, ReadLogsSql, ReadLogsParameters, [update.JobId]);
        var logs = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        var lines = logs is { Length: > 0 } ? JsonSerializer.Deserialize<List<string>>(logs) ?? [] : [];
        lines.AddRange(update.NewLogs);
        if (lines.Count > IJobProgressStore.KeptLogLines) lines.RemoveRange(0, lines.Count - IJobProgressStore.KeptLogLines);
        return await PreparedCommands.For(connection, transaction, UpdateSql, UpdateParameters,
                [position, running, db.Now(), lines.Count == 0 ? null : JsonSerializer.Serialize(lines), update.JobId])
            .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
