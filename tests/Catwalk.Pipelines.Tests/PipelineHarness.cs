using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Pipelines.Tests;

/// <summary>The real stack on loopback: the emulator, the fal client over HTTP, and Catwalk's services writing to a temp folder.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private PipelineHarness(FalEmulator emulator, ServiceProvider services, TempDirectory outputs)
    {
        Emulator = emulator;
        Services = services;
        Outputs = outputs;
    }

    public FalEmulator Emulator { get; }
    public ServiceProvider Services { get; }
    public TempDirectory Outputs { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<PipelineHarness> StartAsync(
        string[]? catalogFiles = null, string? key = null, ReferenceUploadMode uploadMode = ReferenceUploadMode.Storage,
        double latencyScale = 0, Action<IServiceCollection>? configure = null, string[]? faults = null, int maxRetries = 4, bool optimizePngs = true)
    {
        var files = (catalogFiles ?? []).Select(f => Path.Combine(AppContext.BaseDirectory, "Fixtures", f)).ToList();
        var outputs = new TempDirectory("catwalk-pipeline-");
        // A render cache of its own, so every test renders for real and no test sees another's files.
        var emulator = await FalEmulator.StartAsync(
            new FalEmulatorOptions
            {
                LatencyScale = latencyScale, RequiredKey = key, CacheDirectory = Path.Combine(outputs.Path, ".render-cache"),
                Faults = [.. (faults ?? []).Select(Catwalk.Emulator.Faults.FaultRule.Parse)], Seed = 7,
            },
            ModelCatalog.WithFiles(files));
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddLogging().AddCatwalk(o =>
        {
            o.OutputDirectory = outputs.Path;
            foreach (var f in files) o.CatalogFiles.Add(f);
            o.UploadMode = uploadMode;
            o.OptimizePngReferences = optimizePngs;
            o.Emulated = true;
            o.ConfigureFal = fal =>
            {
                fal.QueueUrl = emulator.BaseUri;
                fal.StorageUrl = emulator.BaseUri;
                fal.Key = key is null ? null : FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = key });
                fal.PollInterval = TimeSpan.FromMilliseconds(20);
                fal.MaxRetries = maxRetries;
            };
        });
        return new PipelineHarness(emulator, services.BuildServiceProvider(), outputs);
    }

    public string Image(string name = "start.png", int seed = 0) => TestImages.WritePng(Outputs.File(name), 320, 480, seed);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
        Outputs.Dispose();
    }
}
