using Catwalk.Dashboard.Data;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard for votes on images: one run whose look "urban" is dressed from two angles (front, three-quarter) by two
/// edit models and two try-on models that chain two calls each (a half-dressed step, then the dressed image), plus a look
/// "beach" that only one model dressed, two video models' videos of the front seedream image and one of the nano image. Real PNGs and MP4s,
/// job ids that do not name the model. The try-on chains of the three-quarter view stopped after their first step, so
/// that angle has two half-dressed steps of one input key that must never be shown as a pair.
/// </summary>
public sealed class ImageVoteDashboard : IAsyncDisposable
{
    public const string RunId = "run-image-votes-01";
    public const string Seedream = "seedream-edit", Nano = "nano-banana-edit", TryOn = "fashn-tryon", Kolors = "kolors-tryon";
    public static readonly string[] ImageModels = [Seedream, Nano, TryOn, Kolors];
    public static readonly string[] VideoModels = ["model-a", "model-b"];

    private readonly TempDirectory _folder;

    private ImageVoteDashboard(TempDirectory folder, IRunStore store, DashboardServer server, IReadOnlyList<JobRecord> jobs) =>
        (_folder, Store, Server, Jobs) = (folder, store, server, jobs);

    public IRunStore Store { get; }
    public DashboardServer Server { get; }
    public IReadOnlyList<JobRecord> Jobs { get; }
    public PreferenceData Preference => new(Store, Store, Store, TimeProvider.System);

    /// <summary>The image job of a model for an input key (the final one of a chain is keyed as a plain model's is).</summary>
    public JobRecord Image(string model, string input = "urban/front") => Jobs.Single(j => j.Stage == StageKind.Image && j.ModelKey == model && j.InputKey == input);

    /// <summary>A video model's video of the first image model's front image.</summary>
    public JobRecord Video(string model) => Jobs.Single(j => j.Stage == StageKind.Video && j.ModelKey == model && j.InputKey.StartsWith($"urban/{ImageModels[0]}/", StringComparison.Ordinal));

    public string ModelOf(string jobId) => Jobs.Single(j => j.Id == jobId).ModelKey;

    /// <param name="imageModels">Which of <see cref="ImageModels"/> dress the looks (all unless given).</param>
    public static async Task<ImageVoteDashboard> StartAsync(IReadOnlyList<string>? imageModels = null)
    {
        imageModels ??= ImageModels;
        var folder = new TempDirectory("catwalk-image-votes-");
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "videos"));
        var store = await RunStoreFactory.OpenAsync(null, root);
        var t = new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var jobs = new List<JobRecord>();
        var n = 0;
        JobRecord Add(StageKind stage, string model, string look, string input, JobState state = JobState.Downloaded, string? inputJob = null)
        {
            n++;
            var id = $"j{n:00}-{Guid.NewGuid():N}"[..16];
            var image = stage == StageKind.Image;
            var file = image ? $"images/{id}.png" : $"videos/{id}.mp4";
            if (state == JobState.Downloaded)
            {
                if (image) File.WriteAllBytes(Path.Combine(root, file), TestImages.Png(288, 512, seed: n));
                else File.Copy(TestMedia.Video, Path.Combine(root, file));
            }
            var job = new JobRecord
            {
                Id = id, RunId = RunId, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = input, LookId = look,
                InputJobId = inputJob, SettingId = look, State = state, CreatedAt = t + n, UpdatedAt = t + n,
                FilePath = state == JobState.Downloaded ? file : null, ContentType = state == JobState.Downloaded ? (image ? "image/png" : "video/mp4") : null,
                DurationSec = image ? null : 2, LatencySec = 5 + n, CostUsd = state == JobState.Downloaded ? 0.04m : null, EstimatedCostUsd = 0.04m,
                Error = state == JobState.Failed ? "fal said no" : null,
            };
            jobs.Add(job);
            return job;
        }
        foreach (var angle in new[] { "front", "three-quarter" })
            foreach (var model in imageModels)
            {
                var key = $"urban/{angle}";
                if (model is not (TryOn or Kolors)) { Add(StageKind.Image, model, "urban", key); continue; }
                // A try-on model dresses one garment a call: the top first (a half-dressed person), then the rest onto it.
                var step = Add(StageKind.Image, model, "urban", $"{key}~1-top");
                Add(StageKind.Image, model, "urban", key, angle == "front" ? JobState.Downloaded : JobState.Failed, step.Id);
            }
        Add(StageKind.Image, imageModels[0], "beach", "beach");
        var front = jobs.First(j => j.Stage == StageKind.Image && j.InputKey == "urban/front");
        foreach (var model in VideoModels) Add(StageKind.Video, model, "urban", $"urban/{front.ModelKey}/front@2s", inputJob: front.Id);
        // One more video of the look, of another model's image: never paired with the videos of the first image.
        if (jobs.FirstOrDefault(j => j.Stage == StageKind.Image && j.InputKey == "urban/front" && j.Id != front.Id) is { } other)
            Add(StageKind.Video, VideoModels[1], "urban", $"urban/{other.ModelKey}/front@2s", inputJob: other.Id);
        await store.CreateRunAsync(new RunRecord { Id = RunId, Kind = RunKind.Batch, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed }, jobs);
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = root });
        return new ImageVoteDashboard(folder, store, server, jobs);
    }

    /// <summary>Stores a vote as the vote page would.</summary>
    public Task VoteAsync(JobRecord left, JobRecord right, string outcome) => Preference.SaveVoteAsync(new VotePair(left, right, 0), outcome);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
