using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Fal;
using Catwalk.Fal.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// fal's Platform APIs for a command that only asks about models (search, add, sync): fal with the key, a configured
/// server, or — without a key — an emulator started in this process. No run store is opened.
/// </summary>
internal sealed class PlatformSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly FalEmulator? _emulator;

    private PlatformSession(ServiceProvider services, FalEmulator? emulator, bool hasKey) =>
        (_services, _emulator, HasKey) = (services, emulator, hasKey);

    public IFalPlatformClient Client => _services.GetRequiredService<IFalPlatformClient>();

    /// <summary>Answers come from Catwalk's own emulator, which knows fewer endpoints than fal.</summary>
    public bool Emulated => _emulator is not null;

    /// <summary>A key (or the emulator) is there, so the APIs that need one (pricing) can be asked.</summary>
    public bool HasKey { get; }

    /// <summary>
    /// fal's unit price of each endpoint, by id; none without a key. Asked 50 at a time; a batch fal refuses for an
    /// endpoint it does not price (404) is asked one by one, so that endpoint alone goes without a price.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FalPrice>> PricesAsync(IEnumerable<string> endpointIds, CancellationToken cancellationToken)
    {
        var prices = new Dictionary<string, FalPrice>();
        if (!HasKey) return prices;
        foreach (var chunk in endpointIds.Distinct().Chunk(50))
        {
            try
            {
                foreach (var p in await Client.GetPricesAsync(chunk, cancellationToken).ConfigureAwait(false)) prices[p.EndpointId] = p;
            }
            catch (FalPlatformException e) when (e.Type is "not_found")
            {
                foreach (var id in chunk)
                {
                    try { foreach (var p in await Client.GetPricesAsync([id], cancellationToken).ConfigureAwait(false)) prices[p.EndpointId] = p; }
                    catch (FalPlatformException one) when (one.Type is "not_found") { }
                }
            }
        }
        return prices;
    }

    public static async Task<PlatformSession> OpenAsync(IConfiguration configuration, bool useEmulator, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var key = FalKey.FromEnvironment();
        var endpoints = FalEndpoints.From(configuration);
        FalEmulator? emulator = null;
        if (endpoints.UseEmulator(useEmulator, key))
        {
            emulator = await FalEmulator.StartAsync(new FalEmulatorOptions { LatencyScale = 0 }, catalog, cancellationToken).ConfigureAwait(false);
            (endpoints, key) = (FalEndpoints.Emulator(emulator.BaseUri), null);
        }
        var services = new ServiceCollection()
            .AddFalClient(o => { (o.QueueUrl, o.StorageUrl, o.ApiUrl, o.Key) = (endpoints.QueueUrl, endpoints.StorageUrl, endpoints.ApiUrl, key); o.AdminKey = key is null ? null : FalKey.AdminFromEnvironment(); })
            .BuildServiceProvider();
        return new PlatformSession(services, emulator, key is not null || emulator is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_emulator is not null) await _emulator.DisposeAsync().ConfigureAwait(false);
    }
}
