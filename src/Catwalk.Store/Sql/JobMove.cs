using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;

namespace Catwalk.Store.Sql;

/// <summary>One move of a job through its state machine, inside the caller's transaction: the guarded update and its event.</summary>
internal static class JobMove
{
    // The states a move may start from are the code's own constants, so they are written into the statement: its text
    // is then one per target state, and a prepared statement serves every move to that state.
    private static readonly ConcurrentDictionary<JobState, string> UpdateSql = new();

    private static readonly (string, DbType)[] UpdateParameters =
    [
        ("@to", DbType.String), ("@now", DbType.Int64), ("@RequestId", DbType.String), ("@SubmittedAt", DbType.Int64), ("@CompletedAt", DbType.Int64),
        ("@clear", DbType.Int32), ("@Error", DbType.String), ("@ResultJson", DbType.String), ("@ArgumentsJson", DbType.String), ("@CostUsd", DbType.Double),
        ("@QueueSec", DbType.Double), ("@InferenceSec", DbType.Double), ("@DownloadSec", DbType.Double), ("@LatencySec", DbType.Double),
        ("@DurationSec", DbType.Double), ("@FilePath", DbType.String), ("@FileSha256", DbType.String), ("@FileBytes", DbType.Int64),
        ("@ContentType", DbType.String), ("@MetadataPath", DbType.String), ("@MetadataJson", DbType.String), ("@CachedFromJobId", DbType.String),
        ("@CacheKey", DbType.String), ("@SendStartedAt", DbType.Int64), ("@StartDeadlineSec", DbType.Double), ("@jobId", DbType.String),
    ];

    private const string EventSql =
        """
        INSERT INTO job_events (job_id, seq, at, state, detail)
        SELECT @jobId, COALESCE(MAX(seq), 0) + 1, @now, @to, @detail FROM job_events WHERE job_id = @jobId
        """;

    private static readonly (string, DbType)[] EventParameters = [("@jobId", DbType.String), ("@now", DbType.Int64), ("@to", DbType.String), ("@detail", DbType.String)];

    // PostgreSQL: the update and its event in one statement (a data-modifying WITH), one round trip instead of two; the
    // event is inserted only for a row the update moved, so the count it returns says whether the job moved.
    private static readonly ConcurrentDictionary<JobState, string> MoveWithEventSql = new();

    private static readonly (string, DbType)[] MoveWithEventParameters = [.. UpdateParameters, ("@detail", DbType.String)];

    public static async Task<bool> RunAsync(DbConnection connection, DbTransaction? transaction, SqlDatabase db, string jobId, JobState to, JobUpdate update, CancellationToken cancellationToken)
    {
        var now = db.Now();
        var state = JobStateMachine.Name(to);
        object?[] values =
        [
            state, now, update.RequestId, update.SubmittedAt, update.CompletedAt, update.ClearError ? 1 : 0, update.Error, update.ResultJson,
            update.ArgumentsJson, (double?)update.CostUsd, update.QueueSec, update.InferenceSec, update.DownloadSec, update.LatencySec,
            update.DurationSec, update.FilePath, update.FileSha256, update.FileBytes, update.ContentType, update.MetadataPath,
            update.MetadataJson, update.CachedFromJobId, update.CacheKey, update.SendStartedAt, update.StartDeadlineSec, jobId,
        ];
        if (db.Dialect.Engine == StoreEngine.PostgreSql)
        {
            var both = PreparedCommands.For(connection, transaction, MoveWithEventSql.GetOrAdd(to, MoveWithEvent), MoveWithEventParameters,
                [.. values, update.Detail ?? update.Error]);
            return await both.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
        var move = PreparedCommands.For(connection, transaction, UpdateSql.GetOrAdd(to, Update), UpdateParameters, values);
        if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return false;

        var recorded = PreparedCommands.For(connection, transaction, EventSql, EventParameters, [jobId, now, state, update.Detail ?? update.Error]);
        await recorded.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string MoveWithEvent(JobState to) =>
        $"""
        WITH moved AS ({Update(to)} RETURNING id)
        INSERT INTO job_events (job_id, seq, at, state, detail)
        SELECT @jobId, COALESCE((SELECT MAX(seq) FROM job_events WHERE job_id = @jobId), 0) + 1, @now, @to, @detail FROM moved
        """;

    private static string Update(JobState to)
    {
        var states = JobStateMachine.From(to);
        var from = states.Length == 0 ? "1 = 0" : $"state IN ({string.Join(", ", states.Select(s => $"'{JobStateMachine.Name(s)}'"))})";
        return $"""
            UPDATE jobs SET state = @to, updated_at = @now,
                request_id = COALESCE(@RequestId, request_id), submitted_at = COALESCE(@SubmittedAt, submitted_at),
                completed_at = COALESCE(@CompletedAt, completed_at),
                error = CASE WHEN @clear = 1 THEN NULL ELSE COALESCE(@Error, error) END,
                result_json = COALESCE(@ResultJson, result_json), arguments_json = COALESCE(@ArgumentsJson, arguments_json), cost_usd = COALESCE(@CostUsd, cost_usd),
                queue_sec = COALESCE(@QueueSec, queue_sec), inference_sec = COALESCE(@InferenceSec, inference_sec),
                download_sec = COALESCE(@DownloadSec, download_sec), latency_sec = COALESCE(@LatencySec, latency_sec),
                duration_sec = COALESCE(@DurationSec, duration_sec), file_path = COALESCE(@FilePath, file_path),
                file_sha256 = COALESCE(@FileSha256, file_sha256), file_bytes = COALESCE(@FileBytes, file_bytes),
                content_type = COALESCE(@ContentType, content_type), metadata_path = COALESCE(@MetadataPath, metadata_path),
                metadata_json = COALESCE(@MetadataJson, metadata_json), cached_from_job_id = COALESCE(@CachedFromJobId, cached_from_job_id),
                cache_key = COALESCE(@CacheKey, cache_key),
                send_started_at = COALESCE(@SendStartedAt, send_started_at), start_deadline_sec = COALESCE(@StartDeadlineSec, start_deadline_sec)
            WHERE id = @jobId AND {from}
            """;
    }
}
