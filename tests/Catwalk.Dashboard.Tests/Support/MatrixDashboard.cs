using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs;
using Catwalk.Runs.Hosting;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard over one real run made on the fal emulator: the sample look dressed by two image models, each image
/// animated by two video models (a 2 × 2 compare matrix), every file rendered by the emulator and stored as a run does.
/// </summary>
public sealed class MatrixDashboard : IAsyncDisposable
{
    public static readonly string[] ImageModels = ["nano-banana-edit", "seedream-edit"];
    public static readonly string[] VideoModels = ["kling", "pika"];
    public const string LookId = "look";

    private readonly TempDirectory _folder;

    private MatrixDashboard(TempDirectory folder, DashboardServer server, string runId, IReadOnlyList<JobRecord> jobs) =>
        (_folder, Server, RunId, Jobs, Http) = (folder, server, runId, jobs, new HttpClient { BaseAddress = server.BaseUri });

    public DashboardServer Server { get; }
    public HttpClient Http { get; }
    public string RunId { get; }
    /// <summary>The run's jobs as stored when it finished, in plan order.</summary>
    public IReadOnlyList<JobRecord> Jobs { get; }
    public string OutputRoot => Path.Combine(_folder.Path, "outputs");
    /// <summary>The compare page's key for the look: its id and the duration asked.</summary>
    public string MatrixKey => Jobs.First(j => j.Stage == StageKind.Video).InputKey is var key ? $"{LookId}{key[key.LastIndexOf('@')..]}" : "";

    /// <param name="angles">Camera angles for every image (none: one image per image model).</param>
    public static async Task<MatrixDashboard> StartAsync(IReadOnlyList<CameraAngle>? angles = null)
    {
        var folder = new TempDirectory("catwalk-matrix-");
        var output = Path.Combine(folder.Path, "outputs");
        string runId;
        IReadOnlyList<JobRecord> jobs;
        await using (var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0, CacheDirectory = Path.Combine(folder.Path, ".render-cache"), Seed = 7 }, ModelCatalog.BuiltIn))
        await using (var store = await RunStoreFactory.OpenAsync(null, output))
        await using (var services = new ServiceCollection().AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = output;
            o.Emulated = true;
            o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; fal.PollInterval = TimeSpan.FromMilliseconds(20); };
        }).AddCatwalkRuns(store).BuildServiceProvider())
        {
            var runs = services.GetRequiredService<RunService>();
            var spec = new RunSpec
            {
                Kind = RunKind.Run,
                Name = "matrix",
                Looks =
                [
                    new LookSpec
                    {
                        Id = LookId, PersonImage = LaunchDashboard.Sample("person.png"), FaceImage = LaunchDashboard.Sample("face.png"), OutfitImages = [LaunchDashboard.Sample("outfit-top.png")],
                        Person = new PersonAttributes { HeightCm = 170, WeightKg = 60, Gender = Gender.Female, Age = 30 },
                        Environment = new EnvironmentAttributes { ApparelType = "denim jacket", Setting = "white studio" },
                        Description = "walking towards the camera",
                    },
                ],
                ImageModels = ImageModels,
                Angles = angles ?? [],
                Models = VideoModels,
                Durations = [5],
                Seed = 42,
                Metrics = false,
            };
            var run = await runs.CreateAsync(spec, output, emulated: true);
            await runs.ExecuteAsync(run);
            (runId, jobs) = (run.Id, await store.GetJobsAsync(run.Id));
        }
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = output });
        return new MatrixDashboard(folder, server, runId, jobs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
