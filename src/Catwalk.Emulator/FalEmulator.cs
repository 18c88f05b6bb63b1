using System.Net;
using Catwalk.Catalog;
using Catwalk.Emulator.Endpoints;
using Catwalk.Emulator.Platform;
using Catwalk.Emulator.Faults;
using Catwalk.Emulator.Queue;
using Catwalk.Emulator.Rendering;
using Catwalk.Emulator.Storage;
using Catwalk.Emulator.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catwalk.Emulator;

/// <summary>
/// A fal-compatible server on loopback: fal's queue (submit, status, status stream, result, cancel) and storage
/// protocol for every model in the catalog, inputs checked against each model's published schema, real media out.
/// One base URL serves both fal's queue host and its storage host.
/// </summary>
public sealed class FalEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private readonly JobQueue _queue;
    private readonly string? _ownedWorkDirectory;

    private FalEmulator(WebApplication app, EmulatorContext context, JobQueue queue, string? ownedWorkDirectory)
    {
        _app = app;
        _context = context;
        _queue = queue;
        _ownedWorkDirectory = ownedWorkDirectory;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>: use it as both the queue URL and the storage URL.</summary>
    public Uri BaseUri => _context.BaseUri;

    public EmulatorStats GetStats() => _context.Stats.Snapshot();

    /// <summary>Serves a local file at a CDN URL of this emulator, as if a model had produced it (benchmarks: a huge download without rendering it).</summary>
    public Uri PublishFile(string path, string contentType) =>
        _context.Files.UrlOf(_context.Files.Publish(Path.GetFullPath(path), Path.GetFileName(path), contentType));

    public static async Task<FalEmulator> StartAsync(FalEmulatorOptions options, ModelCatalog catalog, CancellationToken cancellationToken = default)
    {
        if (options.ServeExtraModels) catalog = Platform.ExtraModels.AddTo(catalog);
        var owned = options.WorkDirectory is null ? Directory.CreateTempSubdirectory("catwalk-emulator-").FullName : null;
        var work = options.WorkDirectory ?? owned!;
        var stats = new StatsCounter(catalog.Models.Select(m => m.EndpointId));
        EmulatorContext? context = null;
        var files = new FileStore(Path.Combine(work, "files"), () => context!.BaseUri, options.TimeProvider);
        var faults = new FaultInjector(options.Faults, options.Seed);
        var media = new MediaResolver(files);
        var queue = new JobQueue(options, new ModelSimulator(new RenderCache(options.CacheDirectory ?? DefaultCacheDirectory(), stats), files), faults, media);
        context = new EmulatorContext(options, catalog, queue, files, stats, faults);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Parse(options.Host), options.Port);
            k.Limits.MaxRequestBodySize = 200 * 1024 * 1024; // data URIs of large references
        });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        var app = builder.Build();
        app.UseMiddleware<StopEndsRequestsMiddleware>();
        app.UseMiddleware<RequestBytesMiddleware>(context);
        app.UseMiddleware<KeyCheckMiddleware>(context);
        app.MapStats(context).MapStorage(context).MapPlatform(context).MapQueue(context);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        context.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return new FalEmulator(app, context, queue, owned);
    }

    private static string DefaultCacheDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "catwalk", "emulator");
    }

    public async ValueTask DisposeAsync()
    {
        // Stop serving first (open status streams end at once), so no request meets a disposed queue; the bound is a
        // safety net for a client that holds a connection open.
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(stopping.Token);
        _queue.Dispose();
        await _app.DisposeAsync();
        if (_ownedWorkDirectory is not null)
        {
            try { Directory.Delete(_ownedWorkDirectory, recursive: true); }
            catch (IOException) { } // a file still open by a late reader; the OS cleans temp
        }
    }
}
