using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard on a temp SQLite store seeded with known jobs and real files: one run (image + veo3 + kling videos,
/// a failed luma, a job whose stored path tries to leave the output folder) and an older run from 2024.
/// </summary>
public sealed class SeededDashboard : IAsyncDisposable
{
    public const string RunId = "run-main-0001";
    public const string OldRunId = "run-old-0002";
    public const string InputKey = "look-1@2s";
    public const string XssPrompt = "walks <script>alert(1)</script> towards the camera";
    public static readonly DateTimeOffset Day = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder;

    private SeededDashboard(TempDirectory folder, DashboardServer server, HttpClient http, IReadOnlyList<JobRecord> jobs) =>
        (_folder, Server, Http, Jobs) = (folder, server, http, jobs);

    public DashboardServer Server { get; }
    public HttpClient Http { get; }
    public IReadOnlyList<JobRecord> Jobs { get; }
    public string OutputRoot => _folder.Path;
    public string ImagePath => Path.Combine(OutputRoot, "images", "img.png");

    public static async Task<SeededDashboard> StartAsync(bool empty = false)
    {
        var folder = new TempDirectory("catwalk-dashboard-");
        IReadOnlyList<JobRecord> jobs = [];
        if (!empty)
        {
            await using var store = await RunStoreFactory.OpenAsync(null, folder.Path);
            jobs = await SeedAsync(store, folder.Path);
        }
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = folder.Path });
        return new SeededDashboard(folder, server, new HttpClient { BaseAddress = server.BaseUri }, jobs);
    }

    public JobRecord Job(string id) => Jobs.Single(j => j.Id == id);

    private static async Task<IReadOnlyList<JobRecord>> SeedAsync(IRunStore store, string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "videos"));
        TestImages.WritePng(Path.Combine(root, "images", "img.png"), 64, 96);
        File.Copy(TestMedia.Video, Path.Combine(root, "videos", "veo3.mp4"));
        File.Copy(TestMedia.Video, Path.Combine(root, "videos", "kling.mp4"));
        File.Copy(TestMedia.Video, Path.Combine(root, "videos", "pika.mp4"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(root)!, "secret-outside.txt"), "outside the output folder");
        var t = Day.ToUnixTimeMilliseconds();
        JobRecord Job(string id, string stage, string model, long at) => new()
        {
            Id = id, RunId = RunId, Stage = StageKindNames.Parse(stage), ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = stage == "image" ? "look-1" : InputKey,
            PersonId = "alice", OutfitId = "red-dress", CreatedAt = at, UpdatedAt = at, State = JobState.Downloaded,
        };
        List<JobRecord> main =
        [
            Job("job-image", "image", "nano-banana-edit", t) with { FilePath = "images/img.png", ContentType = "image/png", LatencySec = 4, CostUsd = 0.04m, EstimatedCostUsd = 0.04m, Prompt = "a portrait" },
            Job("job-veo3", "video", "veo3", t + 1000) with
            {
                FilePath = "videos/veo3.mp4", ContentType = "video/mp4", LatencySec = 10, QueueSec = 2, InferenceSec = 7, DownloadSec = 1, DurationSec = 2,
                CostUsd = 0.5m, EstimatedCostUsd = 0.5m, Prompt = "walks towards the camera",
                ArgumentsJson = """{"prompt":"walks towards the camera","duration":"2s"}""", ResultJson = """{"video":{"url":"https://x/v.mp4"}}""",
                MetadataJson = """{"model":"veo3","latency":{"queue_wait_sec":2}}""",
            },
            Job("job-kling", "video", "kling", t + 2000) with
            {
                FilePath = "videos/kling.mp4", ContentType = "video/mp4", LatencySec = 20, QueueSec = 5, InferenceSec = 14, DownloadSec = 1, DurationSec = 2,
                CostUsd = 0.3m, EstimatedCostUsd = 0.3m, Prompt = XssPrompt,
                ArgumentsJson = """{"prompt":"<script>alert(2)</script>"}""", ResultJson = """{"note":"<img src=x onerror=alert(3)>"}""", MetadataJson = "not json <b>bold</b>",
            },
            Job("job-luma", "video", "luma", t + 3000) with { State = JobState.Failed, Error = "The model failed", EstimatedCostUsd = 0.4m },
            Job("job-escape", "video", "pika", t + 4000) with { InputKey = "look-2@2s", FilePath = "../secret-outside.txt", ContentType = "text/plain", LatencySec = 30, DurationSec = 2, CostUsd = 0.2m },
        ];
        await store.CreateRunAsync(new RunRecord { Id = RunId, Kind = RunKind.Run, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Partial }, main);
        var old = Day.AddYears(-1).ToUnixTimeMilliseconds();
        List<JobRecord> older =
        [
            Job("job-old", "video", "veo3", old) with { RunId = OldRunId, FilePath = Path.Combine(root, "videos", "pika.mp4"), ContentType = "video/mp4", LatencySec = 12, DurationSec = 2, CostUsd = 0.5m, EstimatedCostUsd = 0.5m },
        ];
        await store.CreateRunAsync(new RunRecord { Id = OldRunId, Kind = RunKind.Import, OutputRoot = Path.Combine(root, "elsewhere"), CreatedAt = old, UpdatedAt = old, Status = RunStatus.Completed }, older);
        return [.. main, .. older];
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
