using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard over real fashion metrics, measured by the vision worker at start on videos made from real photographs
/// (<see cref="RealPhotos"/>): veo3 is the man whose second half is another person (identity falls: the lowest frame is
/// in the second half), kling the woman in the red dress head to toe against her dress (full body, garment ΔE; made
/// by the emulator), and the image model's picture the same woman against another dress. Without Node.js nothing is
/// started: the tests that use it are skipped (<see cref="VisionFactAttribute"/>).
/// </summary>
public sealed class FashionDashboard : IAsyncLifetime
{
    public const int Frames = 6;
    public const string RunId = "run-fashion";
    public const string EmulatedRunId = "run-fashion-emulated";

    private readonly RealPhotos _photos = new();
    private readonly TempDirectory _folder = new("catwalk-fashion-dashboard-");
    private readonly Dictionary<string, FashionMetrics> _measured = new(StringComparer.Ordinal);

    public DashboardServer Server { get; private set; } = null!;

    /// <summary>The fashion metrics stored for a job (job-veo3, job-kling, job-image).</summary>
    public FashionMetrics Measured(string jobId) => _measured[jobId];

    public async Task InitializeAsync()
    {
        await _photos.InitializeAsync();
        if (_photos.Worker is null) return; // no vision worker: the tests are skipped
        var root = _folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "videos"));
        Directory.CreateDirectory(Path.Combine(root, "images"));
        File.Copy(_photos.SplicedVideo, Path.Combine(root, "videos", "veo3.mp4"));
        File.Copy(_photos.FullBodyVideo, Path.Combine(root, "videos", "kling.mp4"));
        File.Copy(_photos.RedDress, Path.Combine(root, "images", "look.jpg"));

        var veo3 = await VideoMetricsAnalyzer.AnalyzeAsync(Path.Combine(root, "videos", "veo3.mp4"), null, null, Options(_photos.SameManOtherPhoto));
        var kling = await VideoMetricsAnalyzer.AnalyzeAsync(Path.Combine(root, "videos", "kling.mp4"), null, null, Options(null, _photos.RedDress));
        var image = await FashionMeasurement.MeasureImageAsync(Path.Combine(root, "images", "look.jpg"), Options(null, _photos.YellowDress), CancellationToken.None);
        (_measured["job-veo3"], _measured["job-kling"], _measured["job-image"]) = (veo3.Fashion!, kling.Fashion!, image);

        var t = SeededDashboard.Day.ToUnixTimeMilliseconds();
        JobRecord Job(string id, StageKind stage, string model, string file, string metrics) => new()
        {
            Id = id, RunId = RunId, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = stage == StageKind.Image ? "look-1" : "look-1@3s",
            CreatedAt = t, UpdatedAt = t, State = JobState.Downloaded, FilePath = file, ContentType = stage == StageKind.Image ? "image/jpeg" : "video/mp4", MetricsJson = metrics,
        };
        await using (var store = await RunStoreFactory.OpenAsync(null, root))
        {
            // veo3 costs more and is faster than kling: both are on the front of every axis both have a value on.
            List<JobRecord> jobs =
            [
                Job("job-image", StageKind.Image, "nano-banana-edit", "images/look.jpg", MetricsJson.SerializeImage(image)) with { LatencySec = 4, CostUsd = 0.04m },
                Job("job-veo3", StageKind.Video, "veo3", "videos/veo3.mp4", MetricsJson.Serialize(veo3)) with { LatencySec = 10, DurationSec = 3, CostUsd = 0.6m },
            ];
            await store.CreateRunAsync(new RunRecord { Id = RunId, Kind = RunKind.Run, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed }, jobs);
            // kling's run was made with the emulator: the mark is on the run, as RunService stores it.
            var emulated = Job("job-kling", StageKind.Video, "kling", "videos/kling.mp4", MetricsJson.Serialize(kling)) with { RunId = EmulatedRunId, LatencySec = 20, DurationSec = 3, CostUsd = 0.3m };
            await store.CreateRunAsync(new RunRecord { Id = EmulatedRunId, Kind = RunKind.Run, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed, Emulated = true }, [emulated]);
            foreach (var job in jobs.Append(emulated)) await store.SaveMetricsAsync(job.Id, job.MetricsJson!);
        }
        Server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = root });
    }

    private FashionOptions Options(string? face, params string[] outfits) => new(new FashionReferences(face, null, outfits), Frames, _photos.Worker);

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        await _photos.DisposeAsync();
        _folder.Dispose();
    }
}
