using Catwalk.Emulator;
using Catwalk.Store;
using Microsoft.Extensions.Hosting;

namespace Catwalk.Cli.Infrastructure;

/// <summary>Ends what a command's host was built on, innermost first: the host (its services), the store, the emulator.</summary>
internal static class HostParts
{
    public static async ValueTask DisposeAsync(IHost? host, IRunStore? store, FalEmulator? emulator)
    {
        try
        {
            if (host is IAsyncDisposable asyncHost) await asyncHost.DisposeAsync().ConfigureAwait(false);
            else host?.Dispose();
        }
        finally
        {
            try { if (store is not null) await store.DisposeAsync().ConfigureAwait(false); }
            finally { if (emulator is not null) await emulator.DisposeAsync().ConfigureAwait(false); }
        }
    }
}
