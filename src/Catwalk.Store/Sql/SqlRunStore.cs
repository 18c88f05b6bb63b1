using Catwalk.Domain;
using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>The run store over ADO.NET and Dapper; one implementation for SQLite and PostgreSQL (see <see cref="StoreDialect"/>).</summary>
internal sealed class SqlRunStore : IRunStore
{
    private const string JobSelect = "SELECT * FROM jobs";
    private readonly StoreDialect _dialect;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    static SqlRunStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new JobStateHandler());
    }

    /// <summary>The schema this store was opened at (the latest, except for tests that write an older database).</summary>
    private int _schemaVersion = Migrator.Latest;

    public SqlRunStore(StoreDialect dialect, TimeProvider time) => (_dialect, _time) = (dialect, time);

    public string Description => _dialect.Description;
    public StoreEngine Engine => _dialect.Engine;

    /// <summary>Opens the database once (migrating it) so a bad connection string fails here, not in the middle of a run.</summary>
    internal async Task<int> InitializeAsync(int? upTo, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return _schemaVersion = await Migrator.MigrateAsync(connection, _dialect, upTo, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            throw _dialect.Explain(e);
        }
    }

    public Task CreateRunAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO runs (id, kind, name, status, created_at, updated_at, finished_at, emulated, output_root, estimated_cost_usd, budget_usd, spec_json)
                VALUES (@Id, @Kind, @Name, @Status, @CreatedAt, @UpdatedAt, @FinishedAt, @Emulated, @OutputRoot, @Estimated, @Budget, @SpecJson)
                """,
                new
                {
                    run.Id, run.Kind, run.Name, run.Status, run.CreatedAt, run.UpdatedAt, run.FinishedAt, Emulated = run.Emulated ? 1 : 0,
                    run.OutputRoot, Estimated = (double)run.EstimatedCostUsd, Budget = (double?)run.BudgetUsd, run.SpecJson,
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertJobsAsync(connection, transaction, jobs, "(run_id, stage, model_key, input_key)", cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task AddJobsAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => InsertJobsAsync(connection, transaction, jobs, "(run_id, stage, model_key, input_key)", cancellationToken), cancellationToken);

    public Task<int> ImportAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO runs (id, kind, name, status, created_at, updated_at, finished_at, emulated, output_root, estimated_cost_usd) VALUES (@Id, @Kind, @Name, @Status, @CreatedAt, @UpdatedAt, @FinishedAt, 0, @OutputRoot, @Estimated)",
                new { run.Id, run.Kind, run.Name, run.Status, run.CreatedAt, run.UpdatedAt, run.FinishedAt, run.OutputRoot, Estimated = (double)run.EstimatedCostUsd },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            // Any job the store already holds (same file imported before, or the same fal request recorded by a run) is skipped.
            var added = await InsertJobsAsync(connection, transaction, [.. jobs.Select(j => j with { RunId = run.Id })], "", cancellationToken).ConfigureAwait(false);
            // An import run exists only if it brought something new, so re-importing leaves no empty runs behind.
            if (added == 0)
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM runs WHERE id = @Id", new { run.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return added;
        }, cancellationToken);

    private async Task<int> InsertJobsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<JobRecord> jobs, string conflict, CancellationToken cancellationToken)
    {
        var sql = JobColumns.Insert(conflict, _schemaVersion);
        var added = 0;
        foreach (var job in jobs)
            added += await connection.ExecuteAsync(new CommandDefinition(sql, JobColumns.Parameters(job, _schemaVersion), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added;
    }

    public async Task<RunRecord?> GetRunAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = (await connection.QueryAsync<RunRecord>(new CommandDefinition(
            "SELECT * FROM runs WHERE id = @id OR id LIKE @prefix ORDER BY created_at DESC LIMIT 3",
            new { id = idOrPrefix, prefix = EscapeLike(idOrPrefix) + "%" }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (runs.FirstOrDefault(r => r.Id == idOrPrefix) is { } exact) return exact;
        if (runs.Count > 1)
            throw new StoreException($"'{idOrPrefix}' matches several runs ({string.Join(", ", runs.Select(r => r.Id))}); give more of the id.");
        return runs.SingleOrDefault();
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RunQuery();
        var where = query.UnfinishedOnly
            ? "WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = runs.id AND j.state IN ('planned', 'submitting', 'submitted', 'completed'))"
            : "";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<RunRecord>(new CommandDefinition(
            $"SELECT * FROM runs {where} ORDER BY created_at DESC, id DESC LIMIT @limit", new { limit = query.Limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    public Task UpdateRunAsync(string runId, string status, bool finished, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) =>
        {
            var now = Now();
            return connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = @status, updated_at = @now, finished_at = @finishedAt WHERE id = @runId",
                new { status, now, finishedAt = finished ? now : (long?)null, runId }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> GetJobsAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<JobRecord>(new CommandDefinition(
            $"{JobSelect} WHERE run_id = @runId ORDER BY created_at, id", new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    public async Task<int> CountUnfinishedJobsAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM jobs WHERE run_id = @runId AND state IN ('planned', 'submitting', 'submitted', 'completed')",
            new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<JobRecord>(new CommandDefinition(
            $"{JobSelect} WHERE id = @jobId", new { jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (query.RunId is { } run) { where.Add("run_id = @run"); args.Add("run", run); }
        if (query.Stage is { } stage) { where.Add("stage = @stage"); args.Add("stage", stage.Name()); }
        if (query.InputKey is { } input) { where.Add("input_key = @input"); args.Add("input", input); }
        if (query.Models is { Count: > 0 } models) { where.Add(_dialect.InList("model_key", "models")); args.Add("models", models.ToArray()); }
        if (query.From is { } from) { where.Add("created_at >= @from"); args.Add("from", from.ToUnixTimeMilliseconds()); }
        if (query.To is { } to) { where.Add("created_at < @to"); args.Add("to", to.ToUnixTimeMilliseconds()); }
        if (query.PersonId is { } person) { where.Add("person_id = @person"); args.Add("person", person); }
        if (query.OutfitId is { } outfit) { where.Add("outfit_id = @outfit"); args.Add("outfit", outfit); }
        args.Add("limit", query.Limit);
        var sql = $"{JobSelect}{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY created_at, id LIMIT @limit";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<JobRecord>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    public async Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string, long, long, string, string?)>(new CommandDefinition(
            "SELECT job_id, seq, at, state, detail FROM job_events WHERE job_id = @jobId ORDER BY seq", new { jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new JobEvent(r.Item1, (int)r.Item2, r.Item3, r.Item4, r.Item5))];
    }

    public Task<bool> MoveAsync(string jobId, JobState to, JobUpdate? update = null, CancellationToken cancellationToken = default)
    {
        update ??= new JobUpdate();
        var from = JobStateMachine.From(to).Select(JobStateMachine.Name).ToArray();
        return WriteAsync(async (connection, transaction) =>
        {
            var now = Now();
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
                WHERE id = @jobId AND {_dialect.InList("state", "from")}
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
        }, cancellationToken);
    }

    public async Task<JobRecord?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QueryFirstOrDefaultAsync<JobRecord>(new CommandDefinition(
            $"{JobSelect} WHERE cache_key = @cacheKey AND state = 'downloaded' ORDER BY completed_at DESC LIMIT 1", new { cacheKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task<bool> RecordProgressAsync(string jobId, int? queuePosition, bool running, IReadOnlyList<string> newLogs, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var logs = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT last_logs FROM jobs WHERE id = @jobId", new { jobId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var lines = logs is { Length: > 0 } ? JsonSerializer.Deserialize<List<string>>(logs) ?? [] : [];
            lines.AddRange(newLogs);
            if (lines.Count > IRunStore.KeptLogLines) lines.RemoveRange(0, lines.Count - IRunStore.KeptLogLines);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE jobs SET queue_position = @queuePosition,
                    running_since = CASE WHEN @running = 1 THEN COALESCE(running_since, @now) ELSE NULL END,
                    last_logs = @logs
                WHERE id = @jobId
                """,
                new { jobId, queuePosition = running ? null : queuePosition, running = running ? 1 : 0, now = Now(), logs = lines.Count == 0 ? null : JsonSerializer.Serialize(lines) },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return changed > 0;
        }, cancellationToken);

    public Task<bool> SaveMetricsAsync(string jobId, string metricsJson, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET metrics_json = @metricsJson WHERE id = @jobId", new { jobId, metricsJson }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0,
            cancellationToken);

    public Task AddVoteAsync(VoteRecord vote, CancellationToken cancellationToken = default)
    {
        if (!VoteOutcome.IsValid(vote.Outcome))
            throw new ArgumentException($"A vote's outcome is one of {string.Join(", ", VoteOutcome.All)}, not '{vote.Outcome}'.", nameof(vote));
        if (vote.LeftJobId == vote.RightJobId) throw new ArgumentException("A vote compares two different videos.", nameof(vote));
        return WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO votes (id, created_at, run_id, input_key, left_job_id, right_job_id, left_model, right_model, outcome, voter)
            VALUES (@Id, @CreatedAt, @RunId, @InputKey, @LeftJobId, @RightJobId, @LeftModel, @RightModel, @Outcome, @Voter)
            """,
            vote, transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    public async Task<IReadOnlyList<VoteRecord>> GetVotesAsync(VoteQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new VoteQuery();
        var where = new List<string>();
        if (query.RunId is not null) where.Add("run_id = @RunId");
        if (query.Model is not null) where.Add("(left_model = @Model OR right_model = @Model)");
        var sql = $"SELECT * FROM votes{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY created_at, id LIMIT @Limit";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<VoteRecord>(new CommandDefinition(sql, query, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    /// <summary>How long an expired slot whose job is at fal still counts for its endpoint when nobody takes it over.</summary>
    internal static readonly TimeSpan OrphanedSlotLife = TimeSpan.FromHours(1);

    public Task<SlotResult> TryTakeSlotAsync(SlotRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await _dialect.LockSlotsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var now = Now();
            // An expired slot frees its endpoint only if its job is not at fal: a dead worker's job that fal is still
            // running occupies fal all the same, until a live worker takes it over (or an hour has passed).
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM job_slots WHERE expires_at < @now
                    AND (expires_at < @forgotten OR job_id NOT IN (SELECT id FROM jobs WHERE state IN ('submitting', 'submitted')))
                """, new { now, forgotten = now - (long)OrphanedSlotLife.TotalMilliseconds }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var held = await connection.QuerySingleOrDefaultAsync<(string Owner, long ExpiresAt)?>(new CommandDefinition(
                "SELECT owner, expires_at FROM job_slots WHERE job_id = @JobId", request, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (held is { } h && h.Owner != request.Owner && h.ExpiresAt >= now) return new SlotResult(SlotOutcome.HeldElsewhere, 0, h.Owner);
            var busy = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM job_slots WHERE endpoint_id = @EndpointId AND job_id <> @JobId", request, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (held is null && busy >= request.EndpointLimit) return new SlotResult(SlotOutcome.EndpointFull, 0);
            // What the run has paid or may be paying (JobRecord.ChargedUsd, in SQL) plus live reservations of jobs not sent yet.
            var committed = (decimal)await connection.ExecuteScalarAsync<double>(new CommandDefinition(
                """
                SELECT COALESCE((SELECT SUM(CASE WHEN state = 'downloaded' THEN COALESCE(cost_usd, 0)
                                                 WHEN state IN ('submitting', 'submitted', 'completed', 'unknown') THEN estimated_cost_usd
                                                 ELSE 0 END) FROM jobs WHERE run_id = @RunId), 0)
                     + COALESCE((SELECT SUM(s.reserved_usd) FROM job_slots s JOIN jobs j ON j.id = s.job_id
                                 WHERE s.run_id = @RunId AND j.state = 'planned' AND s.job_id <> @JobId), 0)
                """, request, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (request.ReserveUsd > 0 && request.BudgetUsd is { } budget && committed + request.ReserveUsd > budget)
                return new SlotResult(SlotOutcome.OverBudget, committed);
            var expires = now + (long)request.TimeToLive.TotalMilliseconds;
            var args = new { request.JobId, request.RunId, request.EndpointId, request.Owner, reserved = (double)request.ReserveUsd, now, expires };
            await connection.ExecuteAsync(new CommandDefinition(
                held is null
                    ? "INSERT INTO job_slots (job_id, run_id, endpoint_id, owner, reserved_usd, acquired_at, expires_at) VALUES (@JobId, @RunId, @EndpointId, @Owner, @reserved, @now, @expires)"
                    : "UPDATE job_slots SET owner = @Owner, reserved_usd = @reserved, expires_at = @expires WHERE job_id = @JobId",
                args, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new SlotResult(SlotOutcome.Granted, committed);
        }, cancellationToken);

    public Task<int> RenewSlotsAsync(string owner, long expiresAt, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_slots SET expires_at = @expiresAt WHERE owner = @owner", new { owner, expiresAt }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task ReleaseSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_slots WHERE job_id = @jobId AND owner = @owner", new { jobId, owner }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task RefundSlotAsync(string jobId, string owner, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_slots SET reserved_usd = 0 WHERE job_id = @jobId AND owner = @owner", new { jobId, owner }, transaction, cancellationToken: cancellationToken)), cancellationToken);

    public async Task<IReadOnlyList<SlotRecord>> ListOrphanedSlotsAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<SlotRecord>(new CommandDefinition(
            """
            SELECT s.* FROM job_slots s JOIN jobs j ON j.id = s.job_id
            WHERE s.endpoint_id = @endpointId AND s.expires_at < @now AND j.state IN ('submitting', 'submitted')
            ORDER BY s.acquired_at, s.job_id
            """, new { endpointId, now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    public async Task<IReadOnlyList<SlotRecord>> ListSlotsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. await connection.QueryAsync<SlotRecord>(new CommandDefinition(
            "SELECT * FROM job_slots WHERE expires_at >= @now ORDER BY acquired_at, job_id", new { now = Now() }, cancellationToken: cancellationToken)).ConfigureAwait(false)];
    }

    public async Task<IReadOnlyList<MinuteCount>> DownloadsPerMinuteAsync(long since, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long, long)>(new CommandDefinition(
            """
            SELECT (completed_at / 60000) * 60000 AS minute, COUNT(*) AS n FROM jobs
            WHERE state = 'downloaded' AND completed_at >= @since AND cached_from_job_id IS NULL
            GROUP BY (completed_at / 60000) * 60000 ORDER BY minute
            """, new { since }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new MinuteCount(r.Item1, (int)r.Item2))];
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        // Once a write starts it is finished: a caller cancelled mid-commit must not leave the store unsure of what it holds.
        if (_dialect.SerializeWrites) await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            var result = await write(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            if (_dialect.SerializeWrites) _writeLock.Release();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await _dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string EscapeLike(string text) => text.Replace("%", "").Replace("_", "");

    public ValueTask DisposeAsync()
    {
        (_dialect as IDisposable)?.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class JobStateHandler : SqlMapper.TypeHandler<JobState>
    {
        public override JobState Parse(object value) => JobStateMachine.Parse((string)value);
        public override void SetValue(System.Data.IDbDataParameter parameter, JobState value) => parameter.Value = JobStateMachine.Name(value);
    }
}
