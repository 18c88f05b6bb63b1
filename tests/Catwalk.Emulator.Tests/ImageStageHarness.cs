using System.Net.Http.Headers;
using Catwalk.Catalog;
using Catwalk.Fal;
using Catwalk.Fal.Generation;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Catwalk.Emulator.Tests;

/// <summary>An emulator on loopback and Catwalk's real fal client and image generator pointed at it (as a run has them).</summary>
internal sealed class ImageStageHarness : IAsyncDisposable
{
    public const string Key = "image-stage-test-key";

    private ImageStageHarness(EmulatorClient emulator, ServiceProvider services) => (E, Services) = (emulator, services);

    public EmulatorClient E { get; }
    public ServiceProvider Services { get; }

    public static async Task<ImageStageHarness> StartAsync(string? cacheDirectory = null)
    {
        var e = await EmulatorClient.StartAsync(key: Key, cacheDirectory: cacheDirectory);
        e.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", Key);
        var services = new ServiceCollection().AddLogging().AddFalClient(o =>
        {
            (o.QueueUrl, o.StorageUrl, o.ApiUrl) = (e.Emulator.BaseUri, e.Emulator.BaseUri, new Uri(e.Emulator.BaseUri, "v1"));
            o.Key = FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = Key });
            o.PollInterval = TimeSpan.FromMilliseconds(20);
        }).BuildServiceProvider();
        return new ImageStageHarness(e, services);
    }

    public FalImageGenerator Generator(string key) =>
        new(ModelCatalog.BuiltIn.Get(key), Services.GetRequiredService<IFalQueueClient>(), new FalConnection(true, E.Emulator.BaseUri));

    public int Submissions => E.Emulator.GetStats().Endpoints.Values.Sum(s => s.Submissions);

    /// <summary>A picture of one colour (a person in blue, a garment in red), so where each ends up can be measured.</summary>
    public static byte[] Solid(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        return TestImages.Encode(bitmap);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await E.DisposeAsync();
    }
}
