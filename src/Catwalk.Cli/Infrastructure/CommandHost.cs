using Catwalk.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A long-running command's one host (its only container), already started, so its options were validated. Disposing
/// stops the host, then closes the store and stops the emulator, which were opened before it and outlive it.
/// </summary>
internal sealed class CommandHost(IHost host, ConnectionPlan connection, IRunStore store) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;
    public ConnectionMode Mode => connection.Mode;
    public bool Emulated => connection.Emulated;
    public IRunStore Store { get; } = store;

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
            await HostParts.DisposeAsync(host, Store, connection.Emulator).ConfigureAwait(false);
        }
    }
}
