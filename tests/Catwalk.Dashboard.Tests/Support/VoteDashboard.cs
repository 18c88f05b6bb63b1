using Catwalk.Domain;
using Catwalk.Dashboard.Data;
using Catwalk.Quality;
using Catwalk.Runs.Quality;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard for preference: one run with three video models (model-a, model-b, model-c) on two inputs (an urban
/// look and a beach one), real videos, measured quality and known cost and latency — and job ids that do not name the
/// model, as real ones don't. Votes are added through <see cref="Store"/> (the same SQLite file the dashboard reads).
/// </summary>
public sealed class VoteDashboard : IAsyncDisposable
{
    public const string RunId = "run-votes-0001";
    public static readonly string[] Models = ["model-a", "model-b", "model-c"];

    private readonly TempDirectory _folder;

    private VoteDashboard(TempDirectory folder, IRunStore store, DashboardServer server, IReadOnlyList<JobRecord> jobs) =>
        (_folder, Store, Server, Jobs) = (folder, store, server, jobs);

    public IRunStore Store { get; }
    public DashboardServer Server { get; }
    public IReadOnlyList<JobRecord> Jobs { get; }
    public HttpClient Http => _http ??= new HttpClient { BaseAddress = Server.BaseUri };
    private HttpClient? _http;

    public PreferenceData Preference => new(Store, Store, Store, TimeProvider.System);

    /// <summary>The model of a job id (the tests can see what the voter cannot).</summary>
    public string ModelOf(string jobId) => Jobs.Single(j => j.Id == jobId).ModelKey;

    public JobRecord Job(string model, string input = "urban@2s") => Jobs.Single(j => j.ModelKey == model && j.InputKey == input);

    public static async Task<VoteDashboard> StartAsync()
    {
        var folder = new TempDirectory("catwalk-votes-");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "videos"));
        var store = await RunStoreFactory.OpenAsync(null, root);
        var t = new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var jobs = new List<JobRecord>();
        var n = 0;
        foreach (var (input, setting, apparel) in new[] { ("urban@2s", "urban", "street wear"), ("beach@2s", "beach", "swimwear") })
        {
            for (var m = 0; m < Models.Length; m++)
            {
                n++;
                var id = $"v{n:00}-{Guid.NewGuid():N}"[..16];
                File.Copy(TestMedia.Video, Path.Combine(root, "videos", $"{id}.mp4"));
                var metrics = new VideoMetrics
                {
                    DurationSec = 2, Width = 320, Height = 240, Fps = 25, Codec = "h264", HasAudio = false, Frames = 50,
                    FirstFrameSsim = 0.9 - 0.1 * m, LastFrameSsim = 0.8 - 0.1 * m, TemporalFlickerScore = 0.01 * (m + 1),
                    FrameDifferenceMean = 1, FrameDifferenceVariance = 0.1, BrightnessFlicker = 0.1, BrightnessDrift = 0, MotionScore = 0.5,
                    FrozenSec = 0, FrozenFraction = 0, BlackSec = 0, Cuts = 0, Flags = m == 2 ? ["near-still"] : [],
                };
                jobs.Add(new JobRecord
                {
                    Id = id, RunId = RunId, Stage = StageKind.Video, ModelKey = Models[m], EndpointId = $"fal-ai/{Models[m]}", InputKey = input,
                    SettingId = setting, State = JobState.Downloaded, CreatedAt = t + n, UpdatedAt = t + n,
                    FilePath = $"videos/{id}.mp4", ContentType = "video/mp4", DurationSec = 2,
                    LatencySec = 10 * (m + 1), CostUsd = 0.1m * (3 - m), EstimatedCostUsd = 0.1m * (3 - m),
                    MetadataJson = $$$"""{"model":"{{{Models[m]}}}","look":{"apparel_type":"{{{apparel}}}","setting":"{{{setting}}}"}}""",
                    MetricsJson = MetricsJson.Serialize(metrics),
                });
            }
        }
        await store.CreateRunAsync(new RunRecord { Id = RunId, Kind = RunKind.Batch, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed }, jobs);
        foreach (var job in jobs) await store.SaveMetricsAsync(job.Id, job.MetricsJson!); // stored after download, as the recorder does
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = root });
        return new VoteDashboard(folder, store, server, jobs);
    }

    /// <summary>Stores a vote as the vote page would.</summary>
    public Task VoteAsync(JobRecord left, JobRecord right, string outcome) => Preference.SaveVoteAsync(new VotePair(left, right, 0), outcome);

    /// <summary>30 votes: model-a beats model-b 15 times and model-b beats model-c 15 times, on alternating sides.</summary>
    public async Task ScriptedVotesAsync()
    {
        for (var i = 0; i < 15; i++)
        {
            var input = i % 2 == 0 ? "urban@2s" : "beach@2s";
            if (i % 2 == 0) await VoteAsync(Job("model-a", input), Job("model-b", input), VoteOutcome.Left);
            else await VoteAsync(Job("model-b", input), Job("model-a", input), VoteOutcome.Right);
            await VoteAsync(Job("model-b", input), Job("model-c", input), VoteOutcome.Left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
