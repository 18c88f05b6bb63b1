using System.Data.Common;
using Catwalk.Domain;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>Runs and jobs (<see cref="IRunJobStore"/>) over one <see cref="SqlDatabase"/>; the SQL is the same on both engines.</summary>
internal sealed class SqlRunJobStore(SqlDatabase db) : IRunJobStore
{
    private const string Unfinished = "('planned', 'submitting', 'submitted', 'completed')";
    private const string NewJobConflict = "(run_id, stage, model_key, input_key)";

    public Task CreateRunAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO runs (id, kind, name, status, created_at, updated_at, finished_at, emulated, output_root, estimated_cost_usd, budget_usd, spec_json)
                VALUES (@Id, @Kind, @Name, @Status, @CreatedAt, @UpdatedAt, @FinishedAt, @Emulated, @OutputRoot, @Estimated, @Budget, @SpecJson)
                """,
                new
                {
                    run.Id, Kind = run.Kind.Name(), run.Name, Status = run.Status.Name(), run.CreatedAt, run.UpdatedAt, run.FinishedAt, Emulated = run.Emulated ? 1 : 0,
                    run.OutputRoot, Estimated = (double)run.EstimatedCostUsd, Budget = (double?)run.BudgetUsd, run.SpecJson,
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await InsertJobsAsync(connection, transaction, jobs, NewJobConflict, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    public Task AddJobsAsync(IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        db.WriteAsync((connection, transaction) => InsertJobsAsync(connection, transaction, jobs, NewJobConflict, cancellationToken), cancellationToken);

    public Task<int> ImportAsync(RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO runs (id, kind, name, status, created_at, updated_at, finished_at, emulated, output_root, estimated_cost_usd) VALUES (@Id, @Kind, @Name, @Status, @CreatedAt, @UpdatedAt, @FinishedAt, 0, @OutputRoot, @Estimated)",
                new { run.Id, Kind = run.Kind.Name(), run.Name, Status = run.Status.Name(), run.CreatedAt, run.UpdatedAt, run.FinishedAt, run.OutputRoot, Estimated = (double)run.EstimatedCostUsd },
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
        var sql = JobColumns.Insert(conflict, db.SchemaVersion);
        var added = 0;
        foreach (var job in jobs)
            added += await connection.ExecuteAsync(new CommandDefinition(sql, JobColumns.Parameters(job, db.SchemaVersion), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return added;
    }

    /// <summary>The jobs table's columns, as the store's schema has them, named as <see cref="JobRecord"/>'s properties.</summary>
    private string JobSelect => $"SELECT {JobColumns.Select(db.SchemaVersion)} FROM jobs";

    public async Task<RunRecord?> GetRunAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        var runs = await db.ReadAsync(async connection => (await connection.QueryAsync<RunRecord>(new CommandDefinition(
            $"SELECT {RunColumns.Select} FROM runs WHERE id = @id OR id LIKE @prefix ORDER BY created_at DESC LIMIT 3",
            new { id = idOrPrefix, prefix = EscapeLike(idOrPrefix) + "%" }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(), cancellationToken).ConfigureAwait(false);
        if (runs.FirstOrDefault(r => r.Id == idOrPrefix) is { } exact) return exact;
        if (runs.Count > 1)
            throw new StoreException($"'{idOrPrefix}' matches several runs ({string.Join(", ", runs.Select(r => r.Id))}); give more of the id.");
        return runs.SingleOrDefault();
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RunQuery();
        var where = query.UnfinishedOnly ? $"WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = runs.id AND j.state IN {Unfinished})" : "";
        return ListAsync<RunRecord>($"SELECT {RunColumns.Select} FROM runs {where} ORDER BY created_at DESC, id DESC LIMIT @limit", new { limit = query.Limit }, cancellationToken);
    }

    public Task UpdateRunAsync(string runId, RunStatus status, bool finished, CancellationToken cancellationToken = default) =>
        db.WriteAsync((connection, transaction) =>
        {
            var now = db.Now();
            return connection.ExecuteAsync(new CommandDefinition(
                "UPDATE runs SET status = @status, updated_at = @now, finished_at = @finishedAt WHERE id = @runId",
                new { status = status.Name(), now, finishedAt = finished ? now : (long?)null, runId }, transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetJobsAsync(string runId, CancellationToken cancellationToken = default) =>
        ListAsync<JobRecord>($"{JobSelect} WHERE run_id = @runId ORDER BY created_at, id", new { runId }, cancellationToken);

    public Task<int> CountUnfinishedJobsAsync(string runId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async connection => (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM jobs WHERE run_id = @runId AND state IN {Unfinished}", new { runId }, cancellationToken: cancellationToken)).ConfigureAwait(false), cancellationToken);

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(connection => connection.QuerySingleOrDefaultAsync<JobRecord?>(new CommandDefinition(
            $"{JobSelect} WHERE id = @jobId", new { jobId }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var where = JobFilterSql.Where(query, db.Dialect, args);
        args.Add("limit", query.Limit);
        return ListAsync<JobRecord>($"{JobSelect}{where} ORDER BY created_at, id LIMIT @limit", args, cancellationToken);
    }

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync(string jobId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<JobEvent>>(async connection =>
        {
            var rows = await connection.QueryAsync<(string, long, long, string, string?)>(new CommandDefinition(
                "SELECT job_id, seq, at, state, detail FROM job_events WHERE job_id = @jobId ORDER BY seq", new { jobId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new JobEvent(r.Item1, (int)r.Item2, r.Item3, r.Item4, r.Item5))];
        }, cancellationToken);

    public Task<bool> MoveAsync(string jobId, JobState to, JobUpdate? update = null, CancellationToken cancellationToken = default) =>
        // On PostgreSQL a move is one statement (JobMove), so it needs no transaction of its own; on SQLite the writer's.
        // Once sent it is not cancelled: without a transaction to roll back, a cancelled statement could have committed
        // while its caller heard "cancelled" (a job left "submitting" would then come back as unknown, not as planned).
        db.WriteStatementAsync((connection, transaction) => JobMove.RunAsync(connection, transaction, db, jobId, to, update ?? new JobUpdate(), CancellationToken.None), cancellationToken);

    public Task<JobRecord?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken = default) =>
        db.ReadAsync(connection => connection.QueryFirstOrDefaultAsync<JobRecord?>(new CommandDefinition(
            $"{JobSelect} WHERE cache_key = @cacheKey AND state = 'downloaded' ORDER BY completed_at DESC LIMIT 1", new { cacheKey }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<bool> SaveMetricsAsync(string jobId, string metricsJson, CancellationToken cancellationToken = default) =>
        db.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET metrics_json = @metricsJson WHERE id = @jobId", new { jobId, metricsJson }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0,
            cancellationToken);

    private Task<IReadOnlyList<T>> ListAsync<T>(string sql, object args, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<T>>(async connection => [.. await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);

    private static string EscapeLike(string text) => text.Replace("%", "").Replace("_", "");
}
