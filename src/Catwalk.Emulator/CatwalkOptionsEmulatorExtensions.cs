using Catwalk.Catalog;
using Catwalk.Fal;
using Catwalk.Pipelines.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Emulator;

/// <summary>Offline mode for library users: <c>services.AddCatwalk(o =&gt; o.UseEmulator())</c>, as <c>catwalk run</c> without a key.</summary>
public static class CatwalkOptionsEmulatorExtensions
{
    /// <summary>
    /// Sends every fal call to Catwalk's fal emulator instead of fal: it starts on a loopback port in this process when the
    /// fal client is first needed and stops when the service provider is disposed (<c>await using</c>). No key is sent,
    /// nothing is billed, and every result is marked emulated. It renders videos with ffmpeg, which must be installed.
    /// </summary>
    public static CatwalkOptions UseEmulator(this CatwalkOptions options, FalEmulatorOptions? emulator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Emulated = true;
        var earlier = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            earlier?.Invoke(services);
            // Started on first use, not here: AddCatwalk is synchronous and a host that never calls fal starts nothing.
            // Blocking once is acceptable: it is a local Kestrel start, at service resolution, with no synchronization context to deadlock.
            services.AddSingleton(sp => StartEmulator(emulator ?? new FalEmulatorOptions(), sp.GetRequiredService<ModelCatalog>()));
            // Registered after AddCatwalk's own configuration, so it wins over a key or URLs set there.
            services.AddOptions<FalOptions>().Configure<FalEmulator>((fal, started) =>
            {
                fal.QueueUrl = started.BaseUri;
                fal.StorageUrl = started.BaseUri;
                fal.Key = null;
            });
        };
        return options;
    }

    private static FalEmulator StartEmulator(FalEmulatorOptions options, ModelCatalog catalog)
    {
        if (!Ffmpeg.IsInstalled())
            throw new InvalidOperationException("The emulator renders videos with ffmpeg, which is not installed. Install it with: sudo apt-get install -y ffmpeg");
        return FalEmulator.StartAsync(options, catalog).GetAwaiter().GetResult();
    }
}
