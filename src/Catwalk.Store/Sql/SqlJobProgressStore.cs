using System.Text.Json;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>fal's live progress of jobs (<see cref="IJobProgressStore"/>) over one <see cref="SqlDatabase"/>.</summary>
internal sealed class SqlJobProgressStore(SqlDatabase db) : IJobProgressStore
{
    public async Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default) =>
        await RecordProgressAsync([new JobProgress(jobId, queuePosition, running, newLogs)], cancellationToken).ConfigureAwait(false) > 0;

    public Task<int> RecordProgressAsync(IReadOnlyList<JobProgress> updates, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            var recorded = 0;
            foreach (var update in updates)
            {
                var logs = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                    "SELECT last_logs FROM jobs WHERE id = @jobId", new { jobId = update.JobId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                var lines = logs is { Length: > 0 } ? JsonSerializer.Deserialize<List<string>>(logs) ?? [] : [];
                lines.AddRange(update.NewLogs);
                if (lines.Count > IJobProgressStore.KeptLogLines) lines.RemoveRange(0, lines.Count - IJobProgressStore.KeptLogLines);
                recorded += await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE jobs SET queue_position = @queuePosition,
                        running_since = CASE WHEN @running = 1 THEN COALESCE(running_since, @now) ELSE NULL END,
                        last_logs = @logs
                    WHERE id = @jobId
                    """,
                    new
                    {
                        jobId = update.JobId, queuePosition = update.Running ? null : update.QueuePosition, running = update.Running ? 1 : 0, now = db.Now(),
                        logs = lines.Count == 0 ? null : JsonSerializer.Serialize(lines),
                    },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            return recorded;
        }, cancellationToken);
}
