using System.Data.Common;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>One move of a job through its state machine, inside the caller's transaction: the guarded update and its event.</summary>
internal static class JobMove
{
    public static async Task<bool> RunAsync(DbConnection connection, DbTransaction transaction, SqlDatabase db, string jobId, JobState to, JobUpdate update, CancellationToken cancellationToken)
    {
        var from = JobStateMachine.From(to).Select(JobStateMachine.Name).ToArray();
        var now = db.Now();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
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
                cache_key = COALESCE(@CacheKey, cache_key)
            WHERE id = @jobId AND {db.Dialect.InList("state", "from")}
            """,
            new
            {
                to = JobStateMachine.Name(to), now, update.RequestId, update.SubmittedAt, update.CompletedAt, clear = update.ClearError ? 1 : 0,
                update.Error, update.ResultJson, update.ArgumentsJson, CostUsd = (double?)update.CostUsd, update.QueueSec, update.InferenceSec, update.DownloadSec,
                update.LatencySec, update.DurationSec, update.FilePath, update.FileSha256, update.FileBytes, update.ContentType,
                update.MetadataPath, update.MetadataJson, update.CachedFromJobId, update.CacheKey, jobId, from,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (changed == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO job_events (job_id, seq, at, state, detail)
            SELECT @jobId, COALESCE(MAX(seq), 0) + 1, @now, @to, @detail FROM job_events WHERE job_id = @jobId
            """,
            new { jobId, now, to = JobStateMachine.Name(to), detail = update.Detail ?? update.Error }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return true;
    }
}
