using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A long-running command's one host (its only container), already started, so its options were validated. Disposing
/// stops the host, then closes the store and stops the emulator, which were opened before it and outlive it.
/// </summary>
internal sealed class CommandHost(IHost host, CommandHostParts parts) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;
    public ConnectionMode Mode => parts.Connection.Mode;
    public bool Emulated => parts.Connection.Emulated;
    public IRunStore Store => parts.Store;

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            await parts.DisposeAsync(host).ConfigureAwait(false);
        }
    }
}
