using Catwalk.Domain;
namespace Catwalk.Store.Sql;

/// <summary>The jobs table's columns, once, so inserts and imports cannot drift from the schema.</summary>
internal static class JobColumns
{
    public static readonly string[] Names =
    [
        "id", "run_id", "stage", "model_key", "endpoint_id", "input_key", "look_id", "person_id", "outfit_id", "setting_id",
        "requested_duration", "state", "request_id", "cache_key", "cached_from_job_id", "estimated_cost_usd", "cost_usd",
        "queue_sec", "inference_sec", "download_sec", "latency_sec", "duration_sec", "created_at", "updated_at",
        "submitted_at", "completed_at", "error", "file_path", "file_sha256", "file_bytes", "content_type", "metadata_path",
        "metadata_json", "arguments_json", "result_json", "prompt", "emulated", "source", "import_key", "input_job_id",
    ];

    /// <summary>Columns later migrations added, with the schema version that added them: a store still at an older version writes (and reads) without them.</summary>
    private static readonly Dictionary<string, int> AddedIn = new()
    {
        ["queue_position"] = 3, ["running_since"] = 3, ["last_logs"] = 3, ["metrics_json"] = 4, ["input_job_id"] = 7,
        ["send_started_at"] = 8, ["start_deadline_sec"] = 8, ["billed_usd"] = 8, ["billed_at"] = 8, ["billed_source"] = 8,
    };

    /// <summary>What a <see cref="JobRecord"/> reads: the inserted columns and those fal's progress, the send, the bill and the metrics fill later.</summary>
    private static readonly string[] ReadNames =
        [.. Names, "queue_position", "running_since", "last_logs", "metrics_json", "send_started_at", "start_deadline_sec", "billed_usd", "billed_at", "billed_source"];

    /// <summary>The select list of a job row, each column named as its property, for a store at <paramref name="schemaVersion"/>.</summary>
    public static string Select(int schemaVersion) => SelectByVersion[Math.Clamp(schemaVersion, 0, SelectByVersion.Length - 1)];

    // Built once per schema version: every job read uses one, so no query pays for building its text.
    private static readonly string[] SelectByVersion =
        [.. Enumerable.Range(0, Migrator.Latest + 1).Select(v => ColumnAliases.Select(ReadNames.Where(n => AddedIn.GetValueOrDefault(n) <= v)))];

    public static string Insert(string conflict, int schemaVersion)
    {
        var names = Names.Where(n => AddedIn.GetValueOrDefault(n) <= schemaVersion).ToList();
        return $"INSERT INTO jobs ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) ON CONFLICT {conflict} DO NOTHING";
    }

    public static object Parameters(JobRecord j, int schemaVersion)
    {
        var all = Parameters(j);
        foreach (var (name, version) in AddedIn)
            if (version > schemaVersion) all.Remove(name);
        return all;
    }

    /// <summary>The parameters of one row: enums as their names, flags as 0/1, so both engines store the same values.</summary>
    private static Dictionary<string, object?> Parameters(JobRecord j) => new()
    {
        ["id"] = j.Id, ["run_id"] = j.RunId, ["stage"] = j.Stage.Name(), ["model_key"] = j.ModelKey, ["endpoint_id"] = j.EndpointId,
        ["input_key"] = j.InputKey, ["look_id"] = j.LookId, ["person_id"] = j.PersonId, ["outfit_id"] = j.OutfitId,
        ["setting_id"] = j.SettingId, ["requested_duration"] = j.RequestedDuration, ["state"] = JobStateMachine.Name(j.State),
        ["request_id"] = j.RequestId, ["cache_key"] = j.CacheKey, ["cached_from_job_id"] = j.CachedFromJobId,
        ["estimated_cost_usd"] = (double)j.EstimatedCostUsd, ["cost_usd"] = (double?)j.CostUsd, ["queue_sec"] = j.QueueSec,
        ["inference_sec"] = j.InferenceSec, ["download_sec"] = j.DownloadSec, ["latency_sec"] = j.LatencySec,
        ["duration_sec"] = j.DurationSec, ["created_at"] = j.CreatedAt, ["updated_at"] = j.UpdatedAt,
        ["submitted_at"] = j.SubmittedAt, ["completed_at"] = j.CompletedAt, ["error"] = j.Error, ["file_path"] = j.FilePath,
        ["file_sha256"] = j.FileSha256, ["file_bytes"] = j.FileBytes, ["content_type"] = j.ContentType,
        ["metadata_path"] = j.MetadataPath, ["metadata_json"] = j.MetadataJson, ["arguments_json"] = j.ArgumentsJson, ["result_json"] = j.ResultJson,
        ["prompt"] = j.Prompt, ["emulated"] = j.Emulated ? 1 : 0, ["source"] = j.Source, ["import_key"] = j.ImportKey, ["input_job_id"] = j.InputJobId,
    };
}
