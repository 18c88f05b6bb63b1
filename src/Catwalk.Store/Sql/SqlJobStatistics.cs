using Catwalk.Domain;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>
/// The aggregates of <see cref="IJobStatistics"/> over one <see cref="SqlDatabase"/>: one SQL text for both engines
/// (GROUP BY, ROW_NUMBER/COUNT/AVG windows and integer division behave alike in SQLite and PostgreSQL).
/// </summary>
internal sealed class SqlJobStatistics(SqlDatabase db) : IJobStatistics
{
    private const string Fresh = "state = 'downloaded' AND cached_from_job_id IS NULL";

    public Task<IReadOnlyList<JobTally>> TallyJobsAsync(JobQuery query, string neverSentErrorPrefix, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters(new { prefix = neverSentErrorPrefix, prefixLength = neverSentErrorPrefix.Length });
        // The timing parts count only for fresh saved jobs (ReportBuilder's averages), so they are summed only there.
        var sql =
            $"""
            SELECT stage AS Stage, model_key AS ModelKey, state AS State,
                   CASE WHEN state = 'failed' AND request_id IS NULL AND send_started_at IS NULL AND substr(error, 1, @prefixLength) = @prefix THEN 1 ELSE 0 END AS NeverSent,
                   CASE WHEN cached_from_job_id IS NULL THEN 0 ELSE 1 END AS Reused,
                   cost_usd AS CostUsd, estimated_cost_usd AS EstimatedCostUsd, billed_usd AS BilledUsd,
                   COUNT(*) AS Jobs, SUM(COALESCE(duration_sec, 0.0)) AS DurationSec,
                   SUM(queue_sec) AS QueueSec, COUNT(queue_sec) AS QueueCount,
                   SUM(inference_sec) AS InferenceSec, COUNT(inference_sec) AS InferenceCount,
                   SUM(download_sec) AS DownloadSec, COUNT(download_sec) AS DownloadCount
            FROM jobs{JobFilterSql.Where(query, db.Dialect, args)}
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """;
        return db.ReadAsync<IReadOnlyList<JobTally>>(async connection =>
            [.. (await connection.QueryAsync<TallyRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToTally())],
            cancellationToken);
    }

    public Task<IReadOnlyList<LatencyRank>> LatencyRanksAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        // Ranks 0 and n-1 (min, max) and two either side of floor(p·(n-1)) for p = 0.25, 0.5, 0.75 and 0.95: the caller interpolates
        // between the ranks it computes itself, so a rounding of p·(n-1) in SQL cannot pick another pair.
        var sql =
            $"""
            SELECT stage AS Stage, model_key AS ModelKey, rn AS Rank, n AS Count, mean AS Mean, latency_sec AS Seconds FROM (
                SELECT stage, model_key, latency_sec,
                       ROW_NUMBER() OVER (PARTITION BY stage, model_key ORDER BY latency_sec) - 1 AS rn,
                       COUNT(*) OVER (PARTITION BY stage, model_key) AS n,
                       AVG(latency_sec) OVER (PARTITION BY stage, model_key) AS mean
                FROM jobs{JobFilterSql.Where(query, db.Dialect, args, Fresh, "latency_sec IS NOT NULL")}
            ) ranked
            WHERE rn = 0 OR rn = n - 1
               OR rn BETWEEN (n - 1) / 2 - 1 AND (n - 1) / 2 + 2
               OR rn BETWEEN ((n - 1) * 25) / 100 - 1 AND ((n - 1) * 25) / 100 + 2
               OR rn BETWEEN ((n - 1) * 75) / 100 - 1 AND ((n - 1) * 75) / 100 + 2
               OR rn BETWEEN ((n - 1) * 95) / 100 - 1 AND ((n - 1) * 95) / 100 + 2
            ORDER BY stage, model_key, rn
            """;
        return db.ReadAsync<IReadOnlyList<LatencyRank>>(async connection =>
            [.. (await connection.QueryAsync<RankRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new LatencyRank(StageKindNames.Parse(r.Stage), r.ModelKey, (int)r.Rank, (int)r.Count, r.Mean, r.Seconds))],
            cancellationToken);
    }

    public Task<string> ChangeStampAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        // Metrics and bills are written without touching updated_at, so they are summed in on their own.
        var sql =
            $"""
            SELECT CAST(COUNT(*) AS TEXT), CAST(MAX(updated_at) AS TEXT), CAST(SUM(LENGTH(metrics_json)) AS TEXT),
                   CAST(COUNT(billed_usd) AS TEXT), CAST(SUM(billed_usd) AS TEXT),
                   (SELECT CAST(COUNT(*) AS TEXT) FROM votes), (SELECT CAST(MAX(created_at) AS TEXT) FROM votes)
            FROM jobs{JobFilterSql.Where(query, db.Dialect, args)}
            """;
        return db.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleAsync<(string?, string?, string?, string?, string?, string?, string?)>(
                new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return string.Join('|', row.Item1, row.Item2, row.Item3, row.Item4, row.Item5, row.Item6, row.Item7);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<string>> RunIdsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var sql = $"SELECT run_id FROM jobs{JobFilterSql.Where(query, db.Dialect, args)} GROUP BY run_id ORDER BY MIN(created_at), MIN(id)";
        return db.ReadAsync<IReadOnlyList<string>>(async connection =>
            [.. await connection.QueryAsync<string>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
    }

    public Task<JobChoiceValues> ChoiceValuesAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(async connection =>
        {
            // Ordered here by the client (ordinal), as collations differ between the engines.
            async Task<IReadOnlyList<string>> DistinctAsync(string sql) =>
                [.. (await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false)).Order(StringComparer.Ordinal)];
            var models = await DistinctAsync("SELECT DISTINCT model_key FROM jobs").ConfigureAwait(false);
            var people = await DistinctAsync("SELECT DISTINCT person_id FROM jobs WHERE person_id IS NOT NULL").ConfigureAwait(false);
            var outfits = await DistinctAsync("SELECT DISTINCT outfit_id FROM jobs WHERE outfit_id IS NOT NULL").ConfigureAwait(false);
            var imageModels = await DistinctAsync("SELECT DISTINCT model_key FROM jobs WHERE stage = 'image'").ConfigureAwait(false);
            // Only metadata that names an angle is worth sending (the rest is read for nothing: the key's angle is enough).
            var looks = await connection.QueryAsync<(string?, string, string?)>(new CommandDefinition(
                """SELECT DISTINCT look_id, input_key, CASE WHEN metadata_json LIKE '%"angle"%' THEN metadata_json END FROM jobs WHERE stage = 'image'""",
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new JobChoiceValues(models, people, outfits, imageModels, [.. looks]);
        }, cancellationToken);

    public Task<IReadOnlyList<RunStateTally>> TallyRunsAsync(IReadOnlyList<string> runIds, CancellationToken cancellationToken = default)
    {
        if (runIds.Count == 0) return Task.FromResult<IReadOnlyList<RunStateTally>>([]);
        var sql = $"SELECT run_id, state, estimated_cost_usd, cost_usd, COUNT(*) FROM jobs WHERE {db.Dialect.InList("run_id", "runs")} GROUP BY 1, 2, 3, 4";
        return db.ReadAsync<IReadOnlyList<RunStateTally>>(async connection =>
            [.. (await connection.QueryAsync<(string, string, decimal, decimal?, long)>(new CommandDefinition(sql, new { runs = runIds.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new RunStateTally(r.Item1, JobStateMachine.Parse(r.Item2), r.Item3, r.Item4, (int)r.Item5))],
            cancellationToken);
    }

    public async Task<IReadOnlyList<(string Id, string? SettingId, string? MetadataJson)>> LookSourcesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken = default)
    {
        var found = new List<(string, string?, string?)>();
        foreach (var chunk in jobIds.Chunk(5000)) // under SQLite's limit of parameters per statement
            found.AddRange(await db.ReadAsync(connection => connection.QueryAsync<(string, string?, string?)>(new CommandDefinition(
                $"SELECT id, setting_id, metadata_json FROM jobs WHERE {db.Dialect.InList("id", "ids")}", new { ids = chunk }, cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false));
        return found;
    }

    public Task<JobPage> PageJobsAsync(JobQuery query, JobPageRequest page, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var search = new List<string>();
        if (!string.IsNullOrWhiteSpace(page.Search))
        {
            // LOWER on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not; the pattern's own % and _ are escaped.
            args.Add("search", "%" + page.Search.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
            search.Add("(" + string.Join(" OR ", SearchedColumns.Select(c => $"LOWER({c}) LIKE @search ESCAPE '\\'")) + ")");
        }
        var where = JobFilterSql.Where(query, db.Dialect, args, [.. search]);
        var key = page.Sort switch
        {
            JobSort.Model => db.Dialect.Ordinal("model_key"),
            JobSort.State => db.Dialect.Ordinal("state"),
            JobSort.Latency => "COALESCE(latency_sec, 1.7976931348623157e308)", // none last ascending, as double.MaxValue
            JobSort.Cost => "COALESCE(cost_usd, estimated_cost_usd)",
            JobSort.Input => db.Dialect.Ordinal("input_key"),
            _ => "created_at",
        };
        args.Add("size", Math.Max(1, page.PageSize));
        args.Add("skip", Math.Max(0, page.Page) * Math.Max(1, page.PageSize));
        var sql =
            $"""
            SELECT COUNT(*) FROM jobs{where};
            SELECT {JobColumns.Select(db.SchemaVersion)} FROM jobs{where}
            ORDER BY {key} {(page.Descending ? "DESC" : "ASC")}, {db.Dialect.Ordinal("id")} LIMIT @size OFFSET @skip;
            """;
        return db.ReadAsync(async connection =>
        {
            await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var total = await reads.ReadSingleAsync<long>().ConfigureAwait(false);
            return new JobPage([.. await reads.ReadAsync<JobRecord>().ConfigureAwait(false)], (int)total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<QualityTally>> TallyQualityAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var d = db.Dialect;
        string Number(params string[] path) => d.JsonNumber("m", path);
        var video = d.JsonHas("m", "duration_sec"); // what MetricsJson.Deserialize reads as a video's metrics
        var sampled = $"{d.JsonIsObject("m", "fashion")} AND {Number("fashion", "frames_sampled")} > 0";
        var image = $"stage = 'image' AND {sampled}";
        string Avg(string when, string value) => $"AVG(CASE WHEN {when} THEN {value} END)";
        string Count(string when) => $"SUM(CASE WHEN {when} THEN 1 ELSE 0 END)";
        // MATERIALIZED: each document is parsed once (PostgreSQL would otherwise inline the cast into every expression).
        var sql =
            $"""
            WITH measured AS MATERIALIZED (
                SELECT stage, model_key, emulated, run_id, {d.JsonDocument("metrics_json")} AS m
                FROM jobs{JobFilterSql.Where(query, d, args, "state = 'downloaded'", "metrics_json IS NOT NULL")})
            SELECT stage AS Stage, model_key AS ModelKey,
                   {Count(video)} AS Measured,
                   {Avg(video, Number("first_frame_ssim"))} AS FirstFrameSsim,
                   {Avg(video, Number("last_frame_ssim"))} AS LastFrameSsim,
                   {Avg(video, $"COALESCE({Number("temporal_flicker_score")}, 0)")} AS TemporalFlickerScore,
                   {Avg(video, Number("motion_score"))} AS MotionScore,
                   {Avg(video, $"COALESCE({Number("frozen_fraction")}, 0)")} AS FrozenFraction,
                   {Avg(video, $"ABS({Number("duration_error_sec")})")} AS DurationErrorSec,
                   CAST(SUM(CASE WHEN {video} THEN COALESCE({Number("cuts")}, 0) ELSE 0 END) AS INTEGER) AS Cuts,
                   {Count($"{video} AND {d.JsonArrayLength("m", "flags")} > 0")} AS Flagged,
                   {Count($"{video} AND {sampled}")} AS FashionMeasured,
                   {Avg(video, Number("fashion", "identity_mean"))} AS IdentityMean,
                   {Avg($"{video} AND {sampled}", Number("fashion", "full_body_share"))} AS FullBodyShare,
                   {Avg(video, Number("fashion", "garment_delta_e"))} AS GarmentDeltaE,
                   {Count($"{video} AND {d.JsonIsObject("m", "fashion")} AND {d.JsonArrayLength("m", "fashion", "flags")} > 0")} AS FashionFlagged,
                   {Count(image)} AS ImagesMeasured,
                   {Avg(image, Number("fashion", "identity_mean"))} AS ImageIdentityMean,
                   {Avg(image, Number("fashion", "full_body_share"))} AS ImageFullBodyShare,
                   {Avg(image, Number("fashion", "garment_delta_e"))} AS ImageGarmentDeltaE,
                   {Count($"{image} AND {d.JsonArrayLength("m", "fashion", "flags")} > 0")} AS ImagesFlagged,
                   {Count($"{sampled} AND (emulated = 1 OR run_id IN (SELECT id FROM runs WHERE emulated = 1))")} AS EmulatedWithFashion
            FROM measured
            GROUP BY stage, model_key
            """;
        return db.ReadAsync<IReadOnlyList<QualityTally>>(async connection =>
            [.. (await connection.QueryAsync<QualityRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToTally())],
            cancellationToken);
    }

    /// <summary>What a search looks in: the fields the generations table shows (stage and state are stored as their names).</summary>
    private static readonly string[] SearchedColumns = ["id", "run_id", "model_key", "input_key", "stage", "prompt", "person_id", "outfit_id", "state", "error"];

    public Task<IReadOnlyList<JobRecord>> TimedJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var sql =
            $"""
            SELECT id AS Id, run_id AS RunId, stage AS Stage, model_key AS ModelKey, endpoint_id AS EndpointId, input_key AS InputKey,
                   state AS State, latency_sec AS LatencySec, created_at AS CreatedAt
            FROM jobs{JobFilterSql.Where(query, db.Dialect, args, Fresh, "latency_sec IS NOT NULL")} ORDER BY created_at, id
            """;
        return db.ReadAsync<IReadOnlyList<JobRecord>>(async connection =>
            [.. await connection.QueryAsync<JobRecord>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
    }

    public Task<IReadOnlyList<JobRecord>> EvidenceJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        // Prompts, arguments, results and metadata are most of a row's bytes and none of a recommendation's: left unread.
        var sql =
            $"""
            SELECT id AS Id, run_id AS RunId, stage AS Stage, model_key AS ModelKey, endpoint_id AS EndpointId, input_key AS InputKey,
                   input_job_id AS InputJobId, state AS State, request_id AS RequestId, send_started_at AS SendStartedAt,
                   CASE WHEN state = 'failed' AND request_id IS NULL AND send_started_at IS NULL THEN error END AS Error,
                   cached_from_job_id AS CachedFromJobId, estimated_cost_usd AS EstimatedCostUsd, cost_usd AS CostUsd, billed_usd AS BilledUsd,
                   duration_sec AS DurationSec, latency_sec AS LatencySec, created_at AS CreatedAt, file_path AS FilePath, content_type AS ContentType,
                   CASE WHEN state = 'downloaded' THEN metrics_json END AS MetricsJson
            FROM jobs{JobFilterSql.Where(query, db.Dialect, args)} ORDER BY created_at, id
            """;
        return db.ReadAsync<IReadOnlyList<JobRecord>>(async connection =>
            [.. await connection.QueryAsync<JobRecord>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)], cancellationToken);
    }

    public Task<IReadOnlyList<LatencyBin>> LatencyTimelineAsync(JobQuery query, int buckets, CancellationToken cancellationToken = default)
    {
        var args = new DynamicParameters();
        var where = JobFilterSql.Where(query, db.Dialect, args, Fresh, "latency_sec IS NOT NULL");
        // The span first, then the bins over it as constants: with the span joined in as a subquery, PostgreSQL's plan
        // took over 30 s for 100,000 jobs. Integer division on integers in both engines, as LatencyBin.Of computes it.
        var bucket = "(created_at - @low) * @buckets / @width";
        var sql =
            $"""
            SELECT model_key AS ModelKey, {bucket} AS Bucket, COUNT(*) AS Count, AVG(latency_sec) AS Mean,
                   MIN(latency_sec) AS Min, MAX(latency_sec) AS Max, MIN(created_at) AS FirstAt, MAX(created_at) AS LastAt
            FROM jobs{where}
            GROUP BY 1, 2
            """;
        return db.ReadAsync<IReadOnlyList<LatencyBin>>(async connection =>
        {
            var (low, high) = await connection.QuerySingleAsync<(long?, long?)>(new CommandDefinition(
                $"SELECT MIN(created_at), MAX(created_at) FROM jobs{where}", args, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (low is null || high is null) return [];
            args.Add("low", low.Value);
            args.Add("width", high.Value - low.Value + 1);
            args.Add("buckets", (long)Math.Max(1, buckets));
            return [.. (await connection.QueryAsync<BinRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new LatencyBin(r.ModelKey, (int)r.Bucket, (int)r.Count, r.Mean, r.Min, r.Max, r.FirstAt, r.LastAt))
                .OrderBy(b => b.ModelKey, StringComparer.Ordinal).ThenBy(b => b.Bucket)];
        }, cancellationToken);
    }

    private sealed class BinRow
    {
        public string ModelKey { get; init; } = "";
        public long Bucket { get; init; }
        public long Count { get; init; }
        public double Mean { get; init; }
        public double Min { get; init; }
        public double Max { get; init; }
        public long FirstAt { get; init; }
        public long LastAt { get; init; }
    }

    /// <summary>A tally as the database returns it (stage and state by name, flags and counts as integers).</summary>
    private sealed class TallyRow
    {
        public string Stage { get; init; } = "";
        public string ModelKey { get; init; } = "";
        public string State { get; init; } = "";
        public long NeverSent { get; init; }
        public long Reused { get; init; }
        public decimal? CostUsd { get; init; }
        public decimal EstimatedCostUsd { get; init; }
        public decimal? BilledUsd { get; init; }
        public long Jobs { get; init; }
        public double DurationSec { get; init; }
        public double? QueueSec { get; init; }
        public long QueueCount { get; init; }
        public double? InferenceSec { get; init; }
        public long InferenceCount { get; init; }
        public double? DownloadSec { get; init; }
        public long DownloadCount { get; init; }

        public JobTally ToTally() => new()
        {
            Stage = StageKindNames.Parse(Stage), ModelKey = ModelKey, State = JobStateMachine.Parse(State), NeverSent = NeverSent != 0, Reused = Reused != 0,
            CostUsd = CostUsd, EstimatedCostUsd = EstimatedCostUsd, BilledUsd = BilledUsd, Jobs = (int)Jobs, DurationSec = DurationSec,
            QueueSec = QueueSec ?? 0, QueueCount = (int)QueueCount, InferenceSec = InferenceSec ?? 0, InferenceCount = (int)InferenceCount,
            DownloadSec = DownloadSec ?? 0, DownloadCount = (int)DownloadCount,
        };
    }

    /// <summary>A quality tally as the database returns it (counts as integers or, from JSON, reals).</summary>
    private sealed class QualityRow
    {
        public string Stage { get; init; } = "";
        public string ModelKey { get; init; } = "";
        public long Measured { get; init; }
        public double? FirstFrameSsim { get; init; }
        public double? LastFrameSsim { get; init; }
        public double? TemporalFlickerScore { get; init; }
        public double? MotionScore { get; init; }
        public double? FrozenFraction { get; init; }
        public double? DurationErrorSec { get; init; }
        public long? Cuts { get; init; }
        public long Flagged { get; init; }
        public long FashionMeasured { get; init; }
        public double? IdentityMean { get; init; }
        public double? FullBodyShare { get; init; }
        public double? GarmentDeltaE { get; init; }
        public long FashionFlagged { get; init; }
        public long ImagesMeasured { get; init; }
        public double? ImageIdentityMean { get; init; }
        public double? ImageFullBodyShare { get; init; }
        public double? ImageGarmentDeltaE { get; init; }
        public long ImagesFlagged { get; init; }
        public long EmulatedWithFashion { get; init; }

        public QualityTally ToTally() => new()
        {
            Stage = StageKindNames.Parse(Stage), ModelKey = ModelKey, Measured = (int)Measured, FirstFrameSsim = FirstFrameSsim, LastFrameSsim = LastFrameSsim,
            TemporalFlickerScore = TemporalFlickerScore, MotionScore = MotionScore, FrozenFraction = FrozenFraction, DurationErrorSec = DurationErrorSec,
            Cuts = (int)(Cuts ?? 0), Flagged = (int)Flagged, FashionMeasured = (int)FashionMeasured, IdentityMean = IdentityMean, FullBodyShare = FullBodyShare,
            GarmentDeltaE = GarmentDeltaE, FashionFlagged = (int)FashionFlagged, ImagesMeasured = (int)ImagesMeasured, ImageIdentityMean = ImageIdentityMean,
            ImageFullBodyShare = ImageFullBodyShare, ImageGarmentDeltaE = ImageGarmentDeltaE, ImagesFlagged = (int)ImagesFlagged, EmulatedWithFashion = (int)EmulatedWithFashion,
        };
    }

    private sealed class RankRow
    {
        public string Stage { get; init; } = "";
        public string ModelKey { get; init; } = "";
        public long Rank { get; init; }
        public long Count { get; init; }
        public double Mean { get; init; }
        public double Seconds { get; init; }
    }
}
