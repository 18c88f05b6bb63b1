using System.Data.Common;
using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Runs.Quality;
using Catwalk.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Catwalk.Bench.Infrastructure;

/// <summary>
/// Fills a store with a large history, as many batch runs leave it: each look's images by two image models, each
/// image animated by eight video models, mostly saved with some failures and a few runs still going; a tenth of the
/// saved videos measured; votes between videos of one input. Jobs go in through the store's own insert (one
/// transaction per run); metrics and votes straight into the tables in one transaction each, since their store calls
/// commit one row at a time and would make seeding, not the dashboard, the slow part.
/// </summary>
public static class DashboardSeeder
{
    public static readonly string[] ImageModels = ["nano-banana", "seedream"];
    public static readonly string[] VideoModels = ["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"];
    private static readonly string[] Settings = ["studio", "street", "beach", "runway"];
    private static readonly string[] Apparels = ["dress", "suit", "street wear", "swimwear"];
    private const int LooksPerRun = 56; // × (2 images + 16 videos) = 1,008 jobs a run

    public sealed record Seeded(int Jobs, int Votes, string BusyRunId);

    /// <param name="db">The store's --db (a SQLite path or a PostgreSQL connection string), for the direct inserts.</param>
    public static async Task<Seeded> SeedAsync(IRunStore store, string db, string folder, int generations, int votes, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        var runs = Math.Max(1, (int)Math.Ceiling(generations / (double)(LooksPerRun * ImageModels.Length * (1 + VideoModels.Length))));
        var measured = new List<(string Id, string Json)>();
        var groups = new List<List<JobRecord>>(); // saved videos of one input, for votes
        var total = 0;
        string busy = "";
        for (var r = 0; r < runs; r++)
        {
            var runId = $"run{r:0000}-{Guid.CreateVersion7():N}"[..24];
            var running = r >= runs - 3; // the newest runs are still going: the live pages' case
            if (running) busy = runId;
            var runStart = start + r * (30L * 24 * 3600 * 1000 / runs);
            var jobs = new List<JobRecord>();
            for (var l = 0; l < LooksPerRun; l++)
            {
                var (person, outfit, setting) = ($"p{random.Next(400)}", $"o{random.Next(300)}", Settings[random.Next(Settings.Length)]);
                var look = $"{person}/{outfit}/{setting}";
                var apparel = Apparels[random.Next(Apparels.Length)];
                var metadata = $$$"""{"look":{"apparel_type":"{{{apparel}}}","setting":"{{{setting}}}"}}""";
                foreach (var imageModel in ImageModels)
                {
                    var image = Job(random, runId, runStart, StageKind.Image, imageModel, look, look, person, outfit, setting, null, metadata, running);
                    jobs.Add(image);
                    var group = new List<JobRecord>();
                    foreach (var videoModel in VideoModels)
                    {
                        var video = Job(random, runId, runStart, StageKind.Video, videoModel, $"{look}/{imageModel}@5s", look, person, outfit, setting, image.Id, metadata, running);
                        jobs.Add(video);
                        if (video.State != JobState.Downloaded) continue;
                        group.Add(video);
                        if (random.NextDouble() < 0.1) measured.Add((video.Id, Metrics(random, videoModel)));
                    }
                    if (group.Count >= 2) groups.Add(group);
                }
            }
            await store.CreateRunAsync(new RunRecord
            {
                Id = runId, Kind = RunKind.Batch, Name = $"seeded {r}", Status = running ? RunStatus.Running : RunStatus.Partial,
                CreatedAt = runStart, UpdatedAt = runStart, FinishedAt = running ? null : runStart + 3_600_000, OutputRoot = folder, Emulated = true,
                EstimatedCostUsd = jobs.Sum(j => j.EstimatedCostUsd), BudgetUsd = 1000,
            }, jobs, cancellationToken);
            total += jobs.Count;
        }
        await using var connection = Open(db);
        await connection.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var update = Command(connection, transaction, "UPDATE jobs SET metrics_json = @json WHERE id = @id", "json", "id");
            foreach (var (id, json) in measured) await RunAsync(update, cancellationToken, json, id);
            await using var insert = Command(connection, transaction,
                "INSERT INTO votes (id, created_at, run_id, input_key, left_job_id, right_job_id, left_model, right_model, outcome, voter) VALUES (@id, @at, @run, @input, @left, @right, @lm, @rm, @outcome, 'bench')",
                "id", "at", "run", "input", "left", "right", "lm", "rm", "outcome");
            for (var v = 0; v < votes; v++)
            {
                var group = groups[random.Next(groups.Count)];
                var a = random.Next(group.Count);
                var b = (a + 1 + random.Next(group.Count - 1)) % group.Count;
                var (left, right) = (group[a], group[b]);
                // Earlier models in the list win more often, so the ranking has something to find.
                var edge = Array.IndexOf(VideoModels, right.ModelKey) - Array.IndexOf(VideoModels, left.ModelKey);
                var roll = random.NextDouble();
                var outcome = roll < 0.08 ? "tie" : roll < 0.12 ? "both_bad" : random.NextDouble() < 0.5 + 0.05 * edge ? "left" : "right";
                await RunAsync(insert, cancellationToken, Guid.CreateVersion7().ToString("N"), start + v * 1000L, left.RunId, left.InputKey, left.Id, right.Id, left.ModelKey, right.ModelKey, outcome);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return new Seeded(total, votes, busy);
    }

    private static JobRecord Job(Random random, string runId, long runStart, StageKind stage, string model, string inputKey, string look,
        string person, string outfit, string setting, string? inputJobId, string metadata, bool running)
    {
        var at = runStart + random.NextInt64(3_000_000);
        var roll = random.NextDouble();
        var state = running
            ? roll < 0.4 ? JobState.Planned : roll < 0.5 ? JobState.Submitted : roll < 0.95 ? JobState.Downloaded : JobState.Failed
            : roll < 0.91 ? JobState.Downloaded : roll < 0.97 ? JobState.Failed : roll < 0.99 ? JobState.Cancelled : JobState.Unknown;
        var sent = state is not JobState.Planned;
        var notRun = state == JobState.Failed && random.NextDouble() < 0.2; // its image failed: never sent
        var image = stage == StageKind.Image;
        var index = Array.IndexOf(image ? ImageModels : VideoModels, model);
        var price = image ? 0.039m + 0.01m * index : 0.05m * (index + 1);
        var seconds = image ? (double?)null : random.NextDouble() < 0.9 ? 5 : 5.04;
        var estimate = image ? price : price * 5;
        var queue = random.NextDouble() * 8;
        var inference = (image ? 4 : 30 + 10 * index) * (0.6 + random.NextDouble() * 0.8);
        var download = 0.1 + random.NextDouble();
        var done = state == JobState.Downloaded;
        var reused = done && random.NextDouble() < 0.03;
        var id = Guid.CreateVersion7().ToString("N");
        return new JobRecord
        {
            Id = id, RunId = runId, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = inputKey, InputJobId = inputJobId,
            LookId = look, PersonId = person, OutfitId = outfit, SettingId = setting, RequestedDuration = image ? null : 5,
            State = state, RequestId = sent && !notRun ? Guid.NewGuid().ToString("N") : null, EstimatedCostUsd = estimate,
            CostUsd = done ? reused ? 0 : estimate : null, CachedFromJobId = reused ? "seeded-cache" : null,
            QueueSec = done ? queue : null, InferenceSec = done ? inference : null, DownloadSec = done ? download : null,
            LatencySec = done ? queue + inference + download : null, DurationSec = done ? seconds : null,
            CreatedAt = at, UpdatedAt = at, SubmittedAt = sent ? at : null, CompletedAt = done ? at + (long)((queue + inference) * 1000) : null,
            Error = notRun ? "not run: its image failed" : state == JobState.Failed ? "the model failed" : null,
            FilePath = done ? $"{(image ? "images" : "videos")}/{model}/{id}.{(image ? "png" : "mp4")}" : null,
            ContentType = done ? image ? "image/png" : "video/mp4" : null, MetadataJson = metadata,
            Prompt = "a model walks towards the camera", Emulated = true,
        };
    }

    private static string Metrics(Random random, string model)
    {
        var skill = 1 - 0.05 * Array.IndexOf(VideoModels, model);
        return MetricsJson.Serialize(new VideoMetrics
        {
            DurationSec = 5, Width = 720, Height = 1280, Fps = 24, Codec = "h264", HasAudio = false, Frames = 120,
            FirstFrameSsim = 0.8 * skill + random.NextDouble() * 0.1, LastFrameSsim = 0.6 * skill + random.NextDouble() * 0.1,
            TemporalFlickerScore = 0.02 / skill * random.NextDouble(), FrameDifferenceMean = 2, FrameDifferenceVariance = 0.4,
            BrightnessFlicker = 0.1, BrightnessDrift = 0, MotionScore = random.NextDouble(), FrozenSec = 0, FrozenFraction = random.NextDouble() * 0.05,
            BlackSec = 0, Cuts = random.NextDouble() < 0.02 ? 1 : 0, Flags = random.NextDouble() < 0.1 ? ["near-still"] : [],
        });
    }

    private static DbConnection Open(string db) =>
        RunStoreFactory.IsPostgres(db) ? new NpgsqlConnection(RunStoreFactory.PostgresConnectionString(db)) : new SqliteConnection($"Data Source={db}");

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        (command.CommandText, command.Transaction) = (sql, transaction);
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
