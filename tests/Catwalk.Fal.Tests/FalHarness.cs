using System.Text;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Fal.Tests;

/// <summary>The fal client wired as in production, pointed at a real emulator on loopback, with every request recorded.</summary>
public sealed class FalHarness : IAsyncDisposable
{
    private FalHarness(FalEmulator emulator, ServiceProvider services, TempDirectory dir, RequestRecorder recorder)
    {
        (Emulator, Services, Dir, Recorder) = (emulator, services, dir, recorder);
    }

    /// <summary>
    /// One render cache for every harness (the emulator writes it atomically, keyed by all inputs): rendering the
    /// emulator's videos is most of a test's time, and no test here is about rendering.
    /// </summary>
    private static readonly string SharedRenderCache = Path.Combine(Path.GetTempPath(), "catwalk-fal-tests-render-cache");

    public FalEmulator Emulator { get; }
    public ServiceProvider Services { get; }
    public TempDirectory Dir { get; }
    public RequestRecorder Recorder { get; }
    public StringBuilder Logs { get; } = new();
    public IFalQueueClient Client => Services.GetRequiredService<IFalQueueClient>();
    public IFalStorage Storage => Services.GetRequiredService<IFalStorage>();
    public IFalMediaDownloader Downloader => Services.GetRequiredService<IFalMediaDownloader>();
    public Platform.IFalPlatformClient Platform => Services.GetRequiredService<Platform.IFalPlatformClient>();

    public static async Task<FalHarness> StartAsync(string? requiredKey = null, string? clientKey = null, int gpus = 4, double latencyScale = 0,
        string[]? faults = null, int maxRetries = 1, TimeSpan? pollInterval = null, string? adminKey = null, string? clientAdminKey = null, decimal percentDiscount = 0,
        Action<FalOptions>? configure = null, TimeProvider? time = null)
    {
        var dir = new TempDirectory("catwalk-fal-");
        var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            RequiredKey = requiredKey, AdminKey = adminKey, GpusPerEndpoint = gpus, LatencyScale = latencyScale, CacheDirectory = SharedRenderCache,
            Faults = [.. (faults ?? []).Select(Catwalk.Emulator.Faults.FaultRule.Parse)], Seed = 42, PercentDiscount = percentDiscount,
        }, ModelCatalog.BuiltIn);
        FalHarness? harness = null;
        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        services
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new LogSink(() => harness!.Logs)))
            .AddFalClient(o =>
            {
                o.QueueUrl = emulator.BaseUri;
                o.StorageUrl = emulator.BaseUri;
                o.ApiUrl = new Uri(emulator.BaseUri, "v1");
                o.Key = clientKey is null ? null : FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = clientKey });
                o.AdminKey = clientAdminKey is null ? null : FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = clientAdminKey });
                o.PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(20);
                o.MaxRetries = maxRetries;
                configure?.Invoke(o);
            });
        var recorder = new RequestRecorder();
        services.AddSingleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter>(recorder);
        harness = new FalHarness(emulator, services.BuildServiceProvider(), dir, recorder);
        return harness;
    }

    /// <summary>Uploads a fresh PNG through fal storage and returns its URL.</summary>
    public async Task<string> UploadImageAsync(int seed = 0)
    {
        using var png = new MemoryStream(TestImages.Png(320, 480, seed));
        return (await Storage.UploadAsync(png, "image/png", $"ref{seed}.png")).ToString();
    }

    public static JsonObject Veo3Input(string imageUrl, string duration = "4s") =>
        new() { ["prompt"] = "a person walks towards the camera", ["image_url"] = imageUrl, ["duration"] = duration, ["resolution"] = "720p" };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
        Dir.Dispose();
    }

    private sealed class LogSink(Func<StringBuilder> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(sink);
        public void Dispose() { }

        private sealed class Logger(Func<StringBuilder> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var target = sink();
                lock (target) target.AppendLine($"{formatter(state, exception)} {exception}");
            }
        }
    }
}
